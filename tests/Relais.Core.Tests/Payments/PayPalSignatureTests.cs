using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using Relais.Payments;

namespace Relais.Core.Tests.Payments;

public sealed class PayPalSignatureTests
{
    private static readonly byte[] Body = Encoding.UTF8.GetBytes("{\"id\":\"WH-1\",\"event_type\":\"PAYMENT.CAPTURE.COMPLETED\"}");
    private static readonly DateTimeOffset Now = DateTimeOffset.UtcNow;

    [Fact]
    public void Crc32_KnownVector_MatchesIeee() =>
        Assert.Equal(0xCBF43926u, Crc32.Compute("123456789"u8));

    [Fact]
    public void Message_JoinsHeadersAndDecimalCrc()
    {
        var message = PayPalSignature.Message("id-1", "2026-11-22T10:00:00Z", "WH123", "123456789"u8);
        Assert.Equal("id-1|2026-11-22T10:00:00Z|WH123|3421780262", message);
    }

    [Fact]
    public void Verify_SignedByTheCertificate_Valid()
    {
        using var key = RSA.Create(2048);
        using var certificate = Certificate(key);
        var message = PayPalSignature.Message("id-1", "2026-11-22T10:00:00Z", "WH123", Body);
        var signature = Convert.ToBase64String(key.SignData(Encoding.UTF8.GetBytes(message), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1));
        Assert.Equal(WebhookVerdict.Valid, PayPalSignature.Verify(message, signature, certificate, Now));
    }

    [Fact]
    public void Verify_OtherWebhookId_BadSignature()
    {
        using var key = RSA.Create(2048);
        using var certificate = Certificate(key);
        var signed = PayPalSignature.Message("id-1", "2026-11-22T10:00:00Z", "WH123", Body);
        var signature = Convert.ToBase64String(key.SignData(Encoding.UTF8.GetBytes(signed), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1));
        var checkedMessage = PayPalSignature.Message("id-1", "2026-11-22T10:00:00Z", "WH999", Body);
        Assert.Equal(WebhookVerdict.BadSignature, PayPalSignature.Verify(checkedMessage, signature, certificate, Now));
    }

    [Fact]
    public void Verify_SignedByAnotherKey_BadSignature()
    {
        using var key = RSA.Create(2048);
        using var other = RSA.Create(2048);
        using var certificate = Certificate(key);
        var message = PayPalSignature.Message("id-1", "t", "WH123", Body);
        var signature = Convert.ToBase64String(other.SignData(Encoding.UTF8.GetBytes(message), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1));
        Assert.Equal(WebhookVerdict.BadSignature, PayPalSignature.Verify(message, signature, certificate, Now));
    }

    [Theory]
    [InlineData("https://api.paypal.com/v1/notifications/certs/CERT-1", true)]
    [InlineData("https://api.sandbox.paypal.com/v1/notifications/certs/CERT-1", true)]
    [InlineData("http://api.paypal.com/v1/notifications/certs/CERT-1", false)]
    [InlineData("https://paypal.com.evil.example/cert", false)]
    [InlineData("https://evilpaypal.com/cert", false)]
    [InlineData("https://user@api.paypal.com/cert", false)]
    [InlineData("https://127.0.0.1:5001/cert", false)]
    [InlineData("not a url", false)]
    [InlineData(null, false)]
    public void IsTrustedCertUrl_OnlyHttpsOnPayPal(string? url, bool trusted) =>
        Assert.Equal(trusted, PayPalSignature.IsTrustedCertUrl(url, []));

    [Fact]
    public void IsTrustedCertUrl_ConfiguredTestHost_Trusted() =>
        Assert.True(PayPalSignature.IsTrustedCertUrl("https://127.0.0.1:5001/cert", ["127.0.0.1:5001"]));

    [Fact]
    public void CheckHeaders_TransmittedTenMinutesAgo_Stale() =>
        Assert.Equal(WebhookVerdict.Stale, PayPalSignature.CheckHeaders("id", Now.AddMinutes(-10).ToString("O"), "sig", "SHA256withRSA", Now));

    [Fact]
    public void CheckHeaders_RecentWithOtherAlgorithm_Malformed() =>
        Assert.Equal(WebhookVerdict.MalformedSignature, PayPalSignature.CheckHeaders("id", Now.ToString("O"), "sig", "SHA1withRSA", Now));

    [Fact]
    public void CheckHeaders_Recent_Valid() =>
        Assert.Equal(WebhookVerdict.Valid, PayPalSignature.CheckHeaders("id", Now.AddSeconds(-20).ToString("O"), "sig", "SHA256withRSA", Now));

    [Fact]
    public void CheckHeaders_MissingSignature_Missing() =>
        Assert.Equal(WebhookVerdict.MissingSignature, PayPalSignature.CheckHeaders("id", Now.ToString("O"), null, null, Now));

    private static X509Certificate2 Certificate(RSA key)
    {
        var request = new CertificateRequest("CN=messageverificationcerts.paypal.com", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        return request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(30));
    }
}
