using System.Buffers.Binary;
using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using NodaTime;

namespace Scheduler.Application.Alerts.Links;

/// <summary>
/// Signs and checks action-link tokens: base64url of a small binary payload (version, last valid day, recipient
/// tag, authority, milestone key) followed by its HMAC-SHA256. Hand-written because no well-kept library signs a
/// payload this small without a JSON envelope several times its size (a JWT would double the URL), and the format
/// is a few lines: the MAC is compared in constant time and nothing is read from a payload before it matches.
/// </summary>
public sealed class LinkSigner(IOptions<LinkOptions> options, LinkHost host)
{
    /// <summary>The longest token accepted, in characters (a real one is about 150).</summary>
    public const int MaxTokenLength = 1024;

    private const byte Version = 1;
    private const int TagLength = 16;
    private const int MacLength = 32;
    private const int HeaderLength = 1 + 4 + TagLength;
    private static readonly byte[] LinkContext = Encoding.ASCII.GetBytes("scheduler/action-link/v1\n");
    private static readonly byte[] RecipientContext = Encoding.ASCII.GetBytes("scheduler/recipient/v1\n");
    private static readonly byte[] FormContext = Encoding.ASCII.GetBytes("scheduler/action-form/v1\n");

    private readonly Lazy<LinkKeys> _keys = new(() => LinkKeys.Resolve(options.Value, host));

    /// <summary>Days a new link stays valid.</summary>
    public int ValidDays => options.Value.ValidDays;

    /// <summary>Whether links are signed with the published development secret (local runs only).</summary>
    public bool UsesDevelopmentSecret => _keys.Value.IsDevelopment;

    /// <summary>A token for <paramref name="recipient"/> to act on a milestone, valid through <paramref name="issuedOn"/> + <see cref="ValidDays"/>.</summary>
    public string Issue(string authority, string milestoneKey, string recipient, LocalDate issuedOn)
    {
        ArgumentException.ThrowIfNullOrEmpty(authority);
        ArgumentException.ThrowIfNullOrEmpty(milestoneKey);
        ArgumentException.ThrowIfNullOrEmpty(recipient);
        var authorityBytes = Encoding.UTF8.GetBytes(authority);
        var keyBytes = Encoding.UTF8.GetBytes(milestoneKey);
        if (authorityBytes.Length > byte.MaxValue || keyBytes.Length > 600)
        {
            throw new ArgumentException("The authority code or milestone key is too long for a link.");
        }

        var key = _keys.Value.Current;
        var payload = new byte[HeaderLength + 1 + authorityBytes.Length + 2 + keyBytes.Length];
        payload[0] = Version;
        BinaryPrimitives.WriteInt32BigEndian(payload.AsSpan(1, 4), issuedOn.PlusDays(ValidDays).ToDateOnly().DayNumber);
        Tag(key, recipient).CopyTo(payload.AsSpan(5, TagLength));
        var at = HeaderLength;
        payload[at++] = (byte)authorityBytes.Length;
        authorityBytes.CopyTo(payload.AsSpan(at));
        at += authorityBytes.Length;
        BinaryPrimitives.WriteUInt16BigEndian(payload.AsSpan(at, 2), (ushort)keyBytes.Length);
        keyBytes.CopyTo(payload.AsSpan(at + 2));

        var token = new byte[payload.Length + MacLength];
        payload.CopyTo(token, 0);
        Mac(key, LinkContext, payload).CopyTo(token, payload.Length);
        return Base64Url.EncodeToString(token);
    }

    /// <summary>Checks <paramref name="token"/> on <paramref name="today"/>: the signature first (current key, then the previous), then the expiry.</summary>
    public LinkCheck Check(string? token, LocalDate today)
    {
        if (string.IsNullOrEmpty(token) || token.Length > MaxTokenLength || !Base64Url.IsValid(token, out var length) || length < HeaderLength + 4 + MacLength)
        {
            return new LinkCheck(null, LinkRefusal.NotValid);
        }

        var bytes = Base64Url.DecodeFromChars(token);
        var payload = bytes.AsSpan(0, bytes.Length - MacLength);
        var mac = bytes.AsSpan(bytes.Length - MacLength);
        var keyIndex = -1;
        var keys = _keys.Value;
        if (CryptographicOperations.FixedTimeEquals(Mac(keys.Current, LinkContext, payload), mac))
        {
            keyIndex = 0;
        }
        else if (keys.Previous is { } previous && CryptographicOperations.FixedTimeEquals(Mac(previous, LinkContext, payload), mac))
        {
            keyIndex = 1;
        }

        if (keyIndex < 0 || !TryRead(payload, keyIndex, out var link))
        {
            return new LinkCheck(null, LinkRefusal.NotValid);
        }

        return today > link.Expires ? new LinkCheck(null, LinkRefusal.Expired, link.Expires) : new LinkCheck(link, null);
    }

    /// <summary>Whether <paramref name="address"/> (an email address, or <c>feed:{keyId}</c>) is the recipient the link was issued to.</summary>
    public bool IsRecipient(ActionLink link, string address)
    {
        ArgumentNullException.ThrowIfNull(link);
        ArgumentNullException.ThrowIfNull(address);
        return CryptographicOperations.FixedTimeEquals(Tag(KeyOf(link.KeyIndex), address), link.RecipientTag);
    }

    /// <summary>
    /// The anti-forgery proof a page's forms carry: HMAC of the token and the browser's nonce (its SameSite cookie),
    /// so a form posted from elsewhere, or with another browser's cookie, is refused.
    /// </summary>
    public string FormProof(string token, string browserNonce) =>
        Base64Url.EncodeToString(Mac(_keys.Value.Current, FormContext, Encoding.UTF8.GetBytes(token + "\n" + browserNonce)));

    /// <summary>Whether <paramref name="proof"/> is <see cref="FormProof"/> of this token and nonce (under either key).</summary>
    public bool IsFormProof(string token, string browserNonce, string? proof)
    {
        if (string.IsNullOrEmpty(proof) || proof.Length > 64 || !Base64Url.IsValid(proof, out var length) || length != MacLength)
        {
            return false;
        }

        var presented = Base64Url.DecodeFromChars(proof);
        var data = Encoding.UTF8.GetBytes(token + "\n" + browserNonce);
        var keys = _keys.Value;
        return CryptographicOperations.FixedTimeEquals(Mac(keys.Current, FormContext, data), presented)
            || (keys.Previous is { } previous && CryptographicOperations.FixedTimeEquals(Mac(previous, FormContext, data), presented));
    }

    private byte[] KeyOf(int index) => index == 0 ? _keys.Value.Current : _keys.Value.Previous ?? throw new InvalidOperationException("No previous link key is configured.");

    private static byte[] Tag(byte[] key, string recipient) =>
        Mac(key, RecipientContext, Encoding.UTF8.GetBytes(recipient.Trim().ToLowerInvariant()))[..TagLength];

    private static byte[] Mac(byte[] key, byte[] context, ReadOnlySpan<byte> data)
    {
        var input = new byte[context.Length + data.Length];
        context.CopyTo(input, 0);
        data.CopyTo(input.AsSpan(context.Length));
        return HMACSHA256.HashData(key, input);
    }

    // Only called once the MAC matched, so the layout is ours; the checks guard against a key reused elsewhere.
    private static bool TryRead(ReadOnlySpan<byte> payload, int keyIndex, out ActionLink link)
    {
        link = null!;
        if (payload.Length < HeaderLength + 3 || payload[0] != Version)
        {
            return false;
        }

        var day = BinaryPrimitives.ReadInt32BigEndian(payload.Slice(1, 4));
        if (day < DateOnly.MinValue.DayNumber || day > DateOnly.MaxValue.DayNumber)
        {
            return false;
        }

        var tag = payload.Slice(5, TagLength).ToArray();
        var at = HeaderLength;
        int authorityLength = payload[at++];
        if (authorityLength == 0 || at + authorityLength + 2 > payload.Length)
        {
            return false;
        }

        var authority = Encoding.UTF8.GetString(payload.Slice(at, authorityLength));
        at += authorityLength;
        int keyLength = BinaryPrimitives.ReadUInt16BigEndian(payload.Slice(at, 2));
        at += 2;
        if (keyLength == 0 || at + keyLength != payload.Length)
        {
            return false;
        }

        var milestoneKey = Encoding.UTF8.GetString(payload.Slice(at, keyLength));
        link = new ActionLink(authority, milestoneKey, tag, LocalDate.FromDateOnly(DateOnly.FromDayNumber(day)), keyIndex);
        return true;
    }
}
