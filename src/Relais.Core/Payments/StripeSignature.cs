using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Relais.Payments;

/// <summary>
/// Stripe's webhook signature: the Stripe-Signature header "t=…,v1=…" where v1 is the hex
/// HMAC-SHA256 of "{t}.{raw body}" under the endpoint's signing secret. A delivery older or newer
/// than the tolerance is refused, so a captured request cannot be replayed later.
/// </summary>
public static class StripeSignature
{
    public const string Header = "Stripe-Signature";
    public static readonly TimeSpan Tolerance = TimeSpan.FromMinutes(5);

    public static WebhookVerdict Verify(string? header, ReadOnlySpan<byte> body, string secret, DateTimeOffset now) =>
        Verify(header, body, secret, now, Tolerance);

    public static WebhookVerdict Verify(string? header, ReadOnlySpan<byte> body, string secret, DateTimeOffset now, TimeSpan tolerance)
    {
        if (string.IsNullOrWhiteSpace(header))
        {
            return WebhookVerdict.MissingSignature;
        }
        long? timestamp = null;
        var signatures = new List<byte[]>();
        foreach (var part in header.Split(','))
        {
            var equals = part.IndexOf('=');
            if (equals <= 0)
            {
                continue;
            }
            var key = part[..equals].Trim();
            var value = part[(equals + 1)..].Trim();
            if (key == "t" && long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var t))
            {
                timestamp = t;
            }
            else if (key == "v1" && TryHex(value, out var bytes))
            {
                signatures.Add(bytes);
            }
        }
        if (timestamp is null || signatures.Count == 0)
        {
            return WebhookVerdict.MalformedSignature;
        }
        var expected = Compute(timestamp.Value, body, secret);
        // Every v1 is checked: Stripe sends several while a rolled secret and the old one overlap.
        var matched = false;
        foreach (var signature in signatures)
        {
            matched |= CryptographicOperations.FixedTimeEquals(expected, signature);
        }
        if (!matched)
        {
            return WebhookVerdict.BadSignature;
        }
        var age = now - DateTimeOffset.FromUnixTimeSeconds(timestamp.Value);
        return age.Duration() > tolerance ? WebhookVerdict.Stale : WebhookVerdict.Valid;
    }

    /// <summary>The v1 signature of a body at a time (what Stripe sends; tests and the benchmark sign with it).</summary>
    public static byte[] Compute(long timestamp, ReadOnlySpan<byte> body, string secret)
    {
        var prefix = Encoding.UTF8.GetBytes(timestamp.ToString(CultureInfo.InvariantCulture) + ".");
        var message = new byte[prefix.Length + body.Length];
        prefix.CopyTo(message, 0);
        body.CopyTo(message.AsSpan(prefix.Length));
        return HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), message);
    }

    public static string HeaderFor(long timestamp, ReadOnlySpan<byte> body, string secret) =>
        $"t={timestamp.ToString(CultureInfo.InvariantCulture)},v1={Convert.ToHexStringLower(Compute(timestamp, body, secret))}";

    internal static bool TryHex(string value, out byte[] bytes)
    {
        bytes = [];
        if (value.Length == 0 || value.Length % 2 != 0)
        {
            return false;
        }
        try
        {
            bytes = Convert.FromHexString(value);
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }
}
