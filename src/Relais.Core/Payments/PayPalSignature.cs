using System.Globalization;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;

namespace Relais.Payments;

/// <summary>
/// PayPal's webhook signature: PAYPAL-TRANSMISSION-SIG is the base64 SHA256withRSA signature of
/// "{transmission id}|{transmission time}|{webhook id}|{CRC32 of the raw body, decimal}" by the
/// certificate at PAYPAL-CERT-URL. The certificate is only fetched from https on a paypal.com host,
/// and a transmission time far from now is refused (a replay of an old capture).
/// </summary>
public static class PayPalSignature
{
    public const string TransmissionIdHeader = "PAYPAL-TRANSMISSION-ID";
    public const string TransmissionTimeHeader = "PAYPAL-TRANSMISSION-TIME";
    public const string TransmissionSigHeader = "PAYPAL-TRANSMISSION-SIG";
    public const string CertUrlHeader = "PAYPAL-CERT-URL";
    public const string AuthAlgoHeader = "PAYPAL-AUTH-ALGO";
    public static readonly TimeSpan Tolerance = TimeSpan.FromMinutes(5);

    public static string Message(string transmissionId, string transmissionTime, string webhookId, ReadOnlySpan<byte> body) =>
        $"{transmissionId}|{transmissionTime}|{webhookId}|{Crc32.Compute(body).ToString(CultureInfo.InvariantCulture)}";

    /// <summary>Whether a certificate may be fetched from this address: https on paypal.com (or a host allowed for tests).</summary>
    public static bool IsTrustedCertUrl(string? url, IReadOnlyCollection<string> extraHosts)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttps || !string.IsNullOrEmpty(uri.UserInfo))
        {
            return false;
        }
        var host = uri.IdnHost.ToLowerInvariant();
        return host == "paypal.com" || host.EndsWith(".paypal.com", StringComparison.Ordinal)
            || extraHosts.Any(h => string.Equals(h, uri.Authority, StringComparison.OrdinalIgnoreCase) || string.Equals(h, host, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>Checks the headers that need no certificate: present, well formed and recent.</summary>
    public static WebhookVerdict CheckHeaders(string? transmissionId, string? transmissionTime, string? signature, string? algorithm, DateTimeOffset now)
    {
        if (string.IsNullOrEmpty(transmissionId) || string.IsNullOrEmpty(transmissionTime) || string.IsNullOrEmpty(signature))
        {
            return WebhookVerdict.MissingSignature;
        }
        if (algorithm is not null && !algorithm.Equals("SHA256withRSA", StringComparison.OrdinalIgnoreCase))
        {
            return WebhookVerdict.MalformedSignature;
        }
        if (!DateTimeOffset.TryParse(transmissionTime, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var sentAt))
        {
            return WebhookVerdict.MalformedSignature;
        }
        return (now - sentAt).Duration() > Tolerance ? WebhookVerdict.Stale : WebhookVerdict.Valid;
    }

    public static WebhookVerdict Verify(string message, string signatureBase64, X509Certificate2 certificate, DateTimeOffset now)
    {
        if (now < certificate.NotBefore || now > certificate.NotAfter)
        {
            return WebhookVerdict.UntrustedCertificate;
        }
        byte[] signature;
        try
        {
            signature = Convert.FromBase64String(signatureBase64);
        }
        catch (FormatException)
        {
            return WebhookVerdict.MalformedSignature;
        }
        using var rsa = certificate.GetRSAPublicKey();
        if (rsa is null)
        {
            return WebhookVerdict.UntrustedCertificate;
        }
        return rsa.VerifyData(Encoding.UTF8.GetBytes(message), signature, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1)
            ? WebhookVerdict.Valid
            : WebhookVerdict.BadSignature;
    }
}
