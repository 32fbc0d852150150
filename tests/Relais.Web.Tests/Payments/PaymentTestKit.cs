using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Relais.Giving;
using Relais.Payments;
using Relais.Web.Payments;

namespace Relais.Web.Tests.Payments;

/// <summary>An organization with a fundraiser and provider accounts set up with test secrets, and signed deliveries.</summary>
internal sealed class PaymentTestKit(RelaisHost host)
{
    public const string StripeWebhookSecret = "whsec_test_relais";
    public const string HelloAssoUrlToken = "ha-url-token-test";
    public const string HelloAssoSignatureKey = "ha-signature-key-test";
    public const string PayPalWebhookId = "WH7TEST";
    public const string PayPalCertUrl = "https://api.sandbox.paypal.com/v1/notifications/certs/CERT-test";

    public Guid OrganizationId { get; private set; }
    public Guid FundraiserId { get; private set; }
    public string CampaignSlug { get; private set; } = "";
    public RSA PayPalKey { get; } = RSA.Create(2048);

    public static async Task<PaymentTestKit> CreateAsync(RelaisHost host, bool helloAssoSignatureKey = false)
    {
        var kit = new PaymentTestKit(host);
        var organization = await host.Data.OrganizationAsync();
        var campaign = await host.Data.CampaignAsync(organization.Id);
        kit.OrganizationId = organization.Id;
        kit.FundraiserId = await host.Data.FundraiserAsync(organization.Id, campaign.Id);
        kit.CampaignSlug = campaign.Slug;
        await kit.AccountAsync(PaymentProviders.Stripe, secret: "sk_test_123", webhookSecret: StripeWebhookSecret);
        await kit.AccountAsync(PaymentProviders.HelloAsso, secret: "ha-secret", webhookSecret: helloAssoSignatureKey ? HelloAssoSignatureKey : null,
            clientId: "ha-client", slug: "mon-asso", urlToken: HelloAssoUrlToken, sandbox: true);
        await kit.AccountAsync(PaymentProviders.PayPal, secret: "pp-secret", clientId: "pp-client", webhookId: PayPalWebhookId, sandbox: true);
        var request = new CertificateRequest("CN=messageverificationcerts.sandbox.paypal.com", kit.PayPalKey, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        host.Services.GetRequiredService<PayPalCertificates>().Add(PayPalCertUrl,
            request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(30)));
        return kit;
    }

    public async Task AccountAsync(string provider, string? secret = null, string? webhookSecret = null, string? clientId = null,
        string? slug = null, string? webhookId = null, string? urlToken = null, bool sandbox = false, Guid? organizationId = null)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var accounts = scope.ServiceProvider.GetRequiredService<PaymentAccounts>();
        var db = scope.ServiceProvider.GetRequiredService<Relais.Data.RelaisDb>();
        var org = organizationId ?? OrganizationId;
        db.Set<PaymentSettings>().Add(new PaymentSettings
        {
            OrganizationId = org,
            Provider = provider,
            Enabled = true,
            Sandbox = sandbox,
            ClientId = clientId,
            AccountSlug = slug,
            WebhookId = webhookId,
            ProtectedSecret = secret is null ? null : accounts.Protect(secret),
            ProtectedWebhookSecret = webhookSecret is null ? null : accounts.Protect(webhookSecret),
            ProtectedUrlToken = urlToken is null ? null : accounts.Protect(urlToken),
        });
        await db.SaveChangesAsync();
        accounts.Forget(org, provider);
    }

    /// <summary>A pending donation paid through a provider, with its reference there.</summary>
    public async Task<Guid> PendingAsync(string provider, long amountMinor, string? reference = null, string? email = null)
    {
        var id = await host.Data.DonationAsync(OrganizationId, FundraiserId, amountMinor, DonationStatus.Pending, email);
        reference ??= provider + "-ref-" + id.ToString("N")[..12];
        await host.Data.QueryAsync(db => db.Donations.Where(d => d.Id == id)
            .ExecuteUpdateAsync(s => s.SetProperty(d => d.Provider, provider).SetProperty(d => d.ProviderReference, reference)));
        return id;
    }

    public Task<Fundraiser> FundraiserAsync() => host.Data.QueryAsync(db => db.Fundraisers.AsNoTracking().SingleAsync(f => f.Id == FundraiserId));

    public Task<Donation> DonationAsync(Guid id) => host.Data.QueryAsync(db => db.Donations.AsNoTracking().SingleAsync(d => d.Id == id));

    public Task<int> EventCountAsync() => host.Data.QueryAsync(db => db.PaymentEvents.CountAsync(e => e.OrganizationId == OrganizationId));

    public Task<HttpResponseMessage> StripeAsync(string body, DateTimeOffset? signedAt = null, string secret = StripeWebhookSecret, Guid? organizationId = null)
    {
        var bytes = Encoding.UTF8.GetBytes(body);
        var request = Post(PaymentProviders.Stripe, bytes, organizationId);
        request.Headers.Add(StripeSignature.Header, StripeSignature.HeaderFor((signedAt ?? DateTimeOffset.UtcNow).ToUnixTimeSeconds(), bytes, secret));
        return host.CreateClient().SendAsync(request);
    }

    public Task<HttpResponseMessage> HelloAssoAsync(string body, string token = HelloAssoUrlToken, string? signatureKey = null)
    {
        var bytes = Encoding.UTF8.GetBytes(body);
        var request = Post(PaymentProviders.HelloAsso, bytes, null, "?token=" + Uri.EscapeDataString(token));
        if (signatureKey is not null)
        {
            request.Headers.Add(HelloAssoSignature.Header, Convert.ToHexStringLower(HelloAssoSignature.Compute(bytes, signatureKey)));
        }
        return host.CreateClient().SendAsync(request);
    }

    public Task<HttpResponseMessage> PayPalAsync(string body, DateTimeOffset? sentAt = null, string certUrl = PayPalCertUrl, RSA? key = null)
    {
        var bytes = Encoding.UTF8.GetBytes(body);
        var request = Post(PaymentProviders.PayPal, bytes, null);
        var transmissionId = Guid.NewGuid().ToString();
        var time = (sentAt ?? DateTimeOffset.UtcNow).ToString("yyyy-MM-ddTHH:mm:ssZ");
        var message = PayPalSignature.Message(transmissionId, time, PayPalWebhookId, bytes);
        var signature = (key ?? PayPalKey).SignData(Encoding.UTF8.GetBytes(message), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.Headers.Add(PayPalSignature.TransmissionIdHeader, transmissionId);
        request.Headers.Add(PayPalSignature.TransmissionTimeHeader, time);
        request.Headers.Add(PayPalSignature.TransmissionSigHeader, Convert.ToBase64String(signature));
        request.Headers.Add(PayPalSignature.CertUrlHeader, certUrl);
        request.Headers.Add(PayPalSignature.AuthAlgoHeader, "SHA256withRSA");
        return host.CreateClient().SendAsync(request);
    }

    private HttpRequestMessage Post(string provider, byte[] body, Guid? organizationId, string query = "")
    {
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        return new HttpRequestMessage(HttpMethod.Post, PaymentWebhooks.PathFor(provider, organizationId ?? OrganizationId) + query) { Content = content };
    }

    public static string StripeSession(string eventId, string type, Guid donationId, string sessionId, long amount, string currency = "eur", string paymentStatus = "paid") =>
        $$$$$"""{"id":"{{{{{eventId}}}}}","object":"event","type":"{{{{{type}}}}}","data":{"object":{"id":"{{{{{sessionId}}}}}","object":"checkout.session","amount_total":{{{{{amount}}}}},"currency":"{{{{{currency}}}}}","payment_status":"{{{{{paymentStatus}}}}}","client_reference_id":"{{{{{donationId}}}}}","metadata":{"donation_id":"{{{{{donationId}}}}}"}}}}""";

    public static string StripeRefund(string eventId, Guid donationId, long amount) =>
        $$$$$"""{"id":"{{{{{eventId}}}}}","object":"event","type":"charge.refunded","data":{"object":{"id":"ch_1","object":"charge","amount":{{{{{amount}}}}},"amount_refunded":{{{{{amount}}}}},"refunded":true,"currency":"eur","metadata":{"donation_id":"{{{{{donationId}}}}}"}}}}""";

    public static string HelloAssoPayment(long paymentId, string state, Guid donationId, long amount) =>
        $$$$$"""{"data":{"order":{"id":22707,"formType":"Checkout"},"id":{{{{{paymentId}}}}},"amount":{{{{{amount}}}}},"state":"{{{{{state}}}}}","refundOperations":[]},"eventType":"Payment","metadata":{"donationId":"{{{{{donationId}}}}}"}}""";

    public static string PayPalCapture(string eventId, string type, Guid donationId, string orderId, string value, string currency = "EUR") =>
        $$$$$"""{"id":"{{{{{eventId}}}}}","event_type":"{{{{{type}}}}}","resource_type":"capture","resource":{"id":"CAP-{{{{{eventId}}}}}","status":"COMPLETED","amount":{"currency_code":"{{{{{currency}}}}}","value":"{{{{{value}}}}}"},"custom_id":"{{{{{donationId}}}}}","supplementary_data":{"related_ids":{"order_id":"{{{{{orderId}}}}}"}}}}""";
}
