using NodaTime;

namespace Scheduler.Functions.Alerts;

/// <summary>Reads <c>Retry-After</c> (delta seconds or an HTTP-date) as a delay from now.</summary>
internal static class RetryAfterHeader
{
    /// <summary>Used when a 429 carries no usable <c>Retry-After</c>.</summary>
    public static readonly TimeSpan Fallback = TimeSpan.FromSeconds(60);

    public static TimeSpan Read(HttpResponseMessage response, Instant now)
    {
        var header = response.Headers.RetryAfter;
        if (header?.Delta is { } delta)
        {
            return delta < TimeSpan.Zero ? TimeSpan.Zero : delta;
        }

        if (header?.Date is { } date)
        {
            var wait = date - now.ToDateTimeOffset();
            return wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
        }

        return Fallback;
    }
}
