using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Scheduler.Application.Json;
using Scheduler.Contracts;
using Scheduler.Domain.Rules;

namespace Scheduler.Functions.Http;

/// <summary>
/// The API's response options: the contract's (snake_case names, <c>yyyy-MM-dd</c> dates, snake_case enums, so
/// milestone objects are byte-for-byte the CLI's) except that dictionary keys are kept as written (role codes such
/// as <c>IRO</c> stay upper-case) and role codes are written as documented (<c>"audience":["IRO"]</c>), plus ISO instants.
/// </summary>
public static class ApiJson
{
    /// <summary>Shared, read-only options.</summary>
    public static JsonSerializerOptions Options { get; } = Create();

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
            DefaultIgnoreCondition = JsonIgnoreCondition.Never,
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        };
        options.Converters.Add(new LocalDateJsonConverter());
        options.Converters.Add(new InstantJsonConverter());
        // Role codes are written as documented (IRO, CPC, TM), everywhere: before the snake_case rule for other enums.
        options.Converters.Add(new JsonStringEnumConverter<Role>(namingPolicy: null, allowIntegerValues: false));
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower, allowIntegerValues: false));
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
