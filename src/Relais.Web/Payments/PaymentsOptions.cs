namespace Relais.Web.Payments;

/// <summary>Where the providers' APIs are (tests point them at a fake server on 127.0.0.1).</summary>
public sealed class PaymentsOptions
{
    public const string Section = "Relais:Payments";

    public string StripeBaseUrl { get; set; } = "https://api.stripe.com";
    public string HelloAssoBaseUrl { get; set; } = "https://api.helloasso.com";
    public string HelloAssoSandboxBaseUrl { get; set; } = "https://api.helloasso-sandbox.com";
    public string PayPalBaseUrl { get; set; } = "https://api-m.paypal.com";
    public string PayPalSandboxBaseUrl { get; set; } = "https://api-m.sandbox.paypal.com";

    /// <summary>Hosts ("127.0.0.1:5001") besides paypal.com that PayPal certificates may come from: for tests only.</summary>
    public List<string> PayPalCertificateHosts { get; set; } = [];

    /// <summary>The largest webhook body read; providers send a few kilobytes.</summary>
    public int MaxWebhookBytes { get; set; } = 256 * 1024;
}
