using System.Security.Cryptography;
using System.Text;

namespace Scheduler.Application.Authorities;

/// <summary>How keys are hashed and compared: SHA-256 of the UTF-8 key, lower-case hex; constant-time comparison.</summary>
public static class ApiKeyHasher
{
    /// <summary>The lower-case hex SHA-256 of <paramref name="key"/>.</summary>
    public static string Hash(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));
    }

    /// <summary>Whether two hex hashes are equal, without leaking where they differ through timing.</summary>
    public static bool HashesEqual(string a, string b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        return CryptographicOperations.FixedTimeEquals(
            Encoding.ASCII.GetBytes(a.ToLowerInvariant()),
            Encoding.ASCII.GetBytes(b.ToLowerInvariant()));
    }

    /// <summary>A new random key (256 bits, URL-safe) with a readable prefix naming its authority.</summary>
    public static string NewKey(string authority) =>
        $"sk_{authority}_{Base64Url(RandomNumberGenerator.GetBytes(32))}";

    /// <summary>A new public key id.</summary>
    public static string NewKeyId() => "k-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4));

    private static string Base64Url(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
