using System.Text;

namespace Scheduler.Functions.Storage;

/// <summary>Strict UTF-8 decoding that reports failure instead of substituting characters.</summary>
internal static class StrictUtf8
{
    public static string? GetStringOrNull(this UTF8Encoding encoding, ReadOnlySpan<byte> bytes)
    {
        try
        {
            return encoding.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            return null;
        }
    }
}
