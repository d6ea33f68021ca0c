namespace Scheduler.Functions.Http;

/// <summary>Describes an HTTP function for the OpenAPI document: its summary and the tag it is listed under.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class ApiOperationAttribute(string tag, string summary) : Attribute
{
    /// <summary>The group the operation is listed under.</summary>
    public string Tag { get; } = tag;

    /// <summary>One sentence on what the operation does.</summary>
    public string Summary { get; } = summary;
}
