using System.ComponentModel.DataAnnotations;

namespace Scheduler.Infrastructure.Storage;

/// <summary>
/// The storage account holding the app's tables and queues (section <c>Scheduler:Storage</c>): a connection string
/// locally (Azurite), or the service URIs with the managed identity in Azure.
/// </summary>
public sealed class StorageOptions : IValidatableObject
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Scheduler:Storage";

    /// <summary>Shared-key connection string (Azurite or local); never set in Azure.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>The table service endpoint, used with the managed identity.</summary>
    public Uri? TableServiceUri { get; set; }

    /// <summary>The queue service endpoint, used with the managed identity.</summary>
    public Uri? QueueServiceUri { get; set; }

    /// <summary>Letters and digits put before every table name (tests and benchmarks sharing one account).</summary>
    [RegularExpression("^[A-Za-z][A-Za-z0-9]{0,20}$")]
    public string? TablePrefix { get; set; }

    /// <inheritdoc />
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (string.IsNullOrWhiteSpace(ConnectionString) && (TableServiceUri is null || QueueServiceUri is null))
        {
            yield return new ValidationResult(
                "Storage is not configured: set Scheduler:Storage:ConnectionString (Azurite/local) or both Scheduler:Storage:TableServiceUri and Scheduler:Storage:QueueServiceUri (Azure, managed identity).",
                [nameof(ConnectionString), nameof(TableServiceUri), nameof(QueueServiceUri)]);
        }
    }
}
