using System.Security.Cryptography;
using System.Text;

namespace Relais.Payments;

/// <summary>
/// HelloAsso's notification checks. HelloAsso documents an "x-ha-signature" header (hex
/// HMAC-SHA256 of the raw body under the notification URL's signature key) but gives that key to
/// its partners only, so Relais also puts a random per-organization token in the notification URL
/// it asks the organizer to register; both are compared in constant time.
/// </summary>
public static class HelloAssoSignature
{
    public const string Header = "x-ha-signature";

    /// <summary>Checks the URL token always, and the signature when the organization has a signature key.</summary>
    public static WebhookVerdict Verify(string? urlToken, string expectedToken, string? header, ReadOnlySpan<byte> body, string? signatureKey)
    {
        if (string.IsNullOrEmpty(urlToken))
        {
            return WebhookVerdict.MissingSignature;
        }
        if (!CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(urlToken), Encoding.UTF8.GetBytes(expectedToken)))
        {
            return WebhookVerdict.BadSignature;
        }
        if (string.IsNullOrEmpty(signatureKey))
        {
            return WebhookVerdict.Valid;
        }
        if (string.IsNullOrWhiteSpace(header))
        {
            return WebhookVerdict.MissingSignature;
        }
        if (!StripeSignature.TryHex(header.Trim(), out var received))
        {
            return WebhookVerdict.MalformedSignature;
        }
        return CryptographicOperations.FixedTimeEquals(Compute(body, signatureKey), received) ? WebhookVerdict.Valid : WebhookVerdict.BadSignature;
    }

    public static byte[] Compute(ReadOnlySpan<byte> body, string signatureKey) =>
        HMACSHA256.HashData(Encoding.UTF8.GetBytes(signatureKey), body);

    /// <summary>A fresh URL token: 32 random bytes, URL-safe.</summary>
    public static string NewUrlToken() =>
        Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
