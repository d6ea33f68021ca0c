using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using NodaTime;
using Scheduler.Application.Alerts.Links;

namespace Scheduler.Functions.Tests.Links;

/// <summary>
/// Action-link tokens: what they carry, and every way one is refused (altered anywhere, past its last day, signed
/// for another authority or with another key), with the previous key accepted only while it is configured.
/// </summary>
public sealed class LinkSignerTests
{
    private const string Secret = "current-secret-for-link-signer-tests-0123456789";
    private const string OldSecret = "previous-secret-for-link-signer-tests-9876543210";
    private const string Authority = "croydon";
    private const string Key = "case.CRO-CP-001.cp_review_first_3m.1.1";
    private const string Recipient = "cpc1@croydon.example";
    private static readonly LocalDate Issued = new(2017, 12, 12);
    private static readonly LinkHost Production = new(InAzure: true, LoopbackBaseUrl: false, DevelopmentSignal: false);

    private static LinkSigner Signer(string? secret = Secret, string? previous = null, int validDays = 30, LinkHost? host = null) =>
        new(Options.Create(new LinkOptions { Secret = secret, PreviousSecret = previous, ValidDays = validDays }), host ?? Production);

    [Fact]
    public void A_token_names_the_authority_milestone_and_its_last_day_and_its_recipient_only_by_a_keyed_hash()
    {
        var signer = Signer();
        var token = signer.Issue(Authority, Key, Recipient, Issued);

        var check = signer.Check(token, Issued);
        Assert.True(check.IsValid);
        Assert.Equal(Authority, check.Link!.Authority);
        Assert.Equal(Key, check.Link.MilestoneKey);
        Assert.Equal(new LocalDate(2018, 1, 11), check.Link.Expires); // Tue 12 Dec 2017 + 30 days
        Assert.Equal(0, check.Link.KeyIndex);
        Assert.True(signer.IsRecipient(check.Link, Recipient));
        Assert.True(signer.IsRecipient(check.Link, "  CPC1@Croydon.Example "));
        Assert.False(signer.IsRecipient(check.Link, "tm1@croydon.example"));

        // URL-safe, and the address is nowhere in it, in clear or in base64.
        Assert.Matches("^[A-Za-z0-9_-]+$", token);
        var bytes = Base64Url.DecodeFromChars(token);
        Assert.DoesNotContain("croydon.example", Encoding.UTF8.GetString(bytes), StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("cpc1", token, StringComparison.OrdinalIgnoreCase);

        // The documented layout: the payload then HMAC-SHA256 over a context string and the payload.
        var payload = bytes[..^32];
        byte[] input = [.. Encoding.ASCII.GetBytes("scheduler/action-link/v1\n"), .. payload];
        var expected = HMACSHA256.HashData(Encoding.UTF8.GetBytes(Secret), input);
        Assert.Equal(expected, bytes[^32..]);
    }

    [Fact]
    public void A_token_is_valid_through_its_last_day_and_expired_the_day_after()
    {
        var signer = Signer(validDays: 30);
        var token = signer.Issue(Authority, Key, Recipient, Issued);
        Assert.True(signer.Check(token, new LocalDate(2018, 1, 11)).IsValid);
        var expired = signer.Check(token, new LocalDate(2018, 1, 12));
        Assert.False(expired.IsValid);
        Assert.Equal(LinkRefusal.Expired, expired.Refusal);
        Assert.Equal(new LocalDate(2018, 1, 11), expired.ExpiredOn);
    }

    [Fact]
    public void Changing_any_character_of_a_token_makes_it_not_valid()
    {
        var signer = Signer();
        var token = signer.Issue(Authority, Key, Recipient, Issued);
        var original = Base64Url.DecodeFromChars(token);
        var altered = 0;
        for (var i = 0; i < token.Length; i++)
        {
            var replacement = token[i] == 'A' ? 'B' : 'A';
            var tampered = string.Concat(token.AsSpan(0, i), replacement.ToString(), token.AsSpan(i + 1));
            if (Base64Url.IsValid(tampered) && Base64Url.DecodeFromChars(tampered).AsSpan().SequenceEqual(original))
            {
                continue; // only the unused low bits of the last character changed: the same bytes
            }

            altered++;
            var check = signer.Check(tampered, Issued);
            Assert.False(check.IsValid, $"character {i} altered");
            Assert.Equal(LinkRefusal.NotValid, check.Refusal);
        }

        Assert.True(altered > token.Length - 3);
        Assert.Equal(LinkRefusal.NotValid, signer.Check(token[..^1], Issued).Refusal);
        Assert.Equal(LinkRefusal.NotValid, signer.Check(token + "A", Issued).Refusal);
        Assert.Equal(LinkRefusal.NotValid, signer.Check(string.Empty, Issued).Refusal);
        Assert.Equal(LinkRefusal.NotValid, signer.Check("not a token!", Issued).Refusal);
        Assert.Equal(LinkRefusal.NotValid, signer.Check(new string('A', LinkSigner.MaxTokenLength + 4), Issued).Refusal);
    }

    [Fact]
    public void A_token_moved_to_another_authority_or_extended_is_not_valid()
    {
        var signer = Signer();
        var bytes = Base64Url.DecodeFromChars(signer.Issue(Authority, Key, Recipient, Issued));

        // Payload: version, last day (4 bytes), recipient tag (16), authority length + code, key length + key; then the MAC.
        var moved = Encoding.UTF8.GetBytes("bromley");
        Assert.Equal(Authority.Length, bytes[21]);
        var forged = bytes.ToArray();
        moved.CopyTo(forged, 22);
        Assert.Equal(LinkRefusal.NotValid, signer.Check(Base64Url.EncodeToString(forged), Issued).Refusal);

        var extended = bytes.ToArray();
        extended[1] ^= 0x01;
        Assert.Equal(LinkRefusal.NotValid, signer.Check(Base64Url.EncodeToString(extended), Issued).Refusal);

        // A real token of another authority does not open this one's milestone either: it names its own authority.
        var other = signer.Check(signer.Issue("bromley", Key, Recipient, Issued), Issued);
        Assert.Equal("bromley", other.Link!.Authority);
    }

    [Fact]
    public void A_token_signed_with_another_key_is_not_valid()
    {
        var token = Signer("someone-else's-secret-that-is-long-enough-0123").Issue(Authority, Key, Recipient, Issued);
        Assert.Equal(LinkRefusal.NotValid, Signer().Check(token, Issued).Refusal);
    }

    [Fact]
    public void After_a_rotation_the_previous_key_is_accepted_while_configured_and_new_links_use_the_new_key()
    {
        var before = Signer(OldSecret).Issue(Authority, Key, Recipient, Issued);
        var rotated = Signer(Secret, previous: OldSecret);

        var check = rotated.Check(before, Issued);
        Assert.True(check.IsValid);
        Assert.Equal(1, check.Link!.KeyIndex);
        Assert.True(rotated.IsRecipient(check.Link, Recipient));
        Assert.False(rotated.IsRecipient(check.Link, "po@croydon.example"));

        var after = rotated.Issue(Authority, Key, Recipient, Issued);
        Assert.Equal(0, rotated.Check(after, Issued).Link!.KeyIndex);
        Assert.Equal(LinkRefusal.NotValid, Signer(OldSecret).Check(after, Issued).Refusal);

        // The grace period ends when the previous key is removed (an empty setting means none).
        Assert.Equal(LinkRefusal.NotValid, Signer(Secret, previous: string.Empty).Check(before, Issued).Refusal);
    }

    [Fact]
    public void A_form_proof_is_bound_to_the_token_and_the_browsers_nonce()
    {
        var signer = Signer();
        var token = signer.Issue(Authority, Key, Recipient, Issued);
        var proof = signer.FormProof(token, "nonce-of-this-browser-0123456789");
        Assert.True(signer.IsFormProof(token, "nonce-of-this-browser-0123456789", proof));
        Assert.False(signer.IsFormProof(token, "nonce-of-another-browser-0123456", proof));
        Assert.False(signer.IsFormProof(signer.Issue(Authority, Key, "po@croydon.example", Issued), "nonce-of-this-browser-0123456789", proof));
        Assert.False(signer.IsFormProof(token, "nonce-of-this-browser-0123456789", null));
        Assert.False(signer.IsFormProof(token, "nonce-of-this-browser-0123456789", "AAAA"));
        Assert.True(Signer(OldSecret + "x", previous: Secret).IsFormProof(token, "nonce-of-this-browser-0123456789", proof));
    }
}
