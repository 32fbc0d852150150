using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.Extensions.Options;
using Relais.Payments;
using Relais.Web.Giving;

namespace Relais.Web.Payments;

/// <summary>Stripe Checkout: a Checkout Session in payment mode for the donation's amount; settled by its webhook.</summary>
public sealed class StripeProvider(PaymentAccounts accounts, IHttpClientFactory http, IOptions<PaymentsOptions> options) : IPaymentProvider
{
    public string Key => PaymentProviders.Stripe;
    public string DisplayName => "Card (Stripe)";

    public async Task<bool> IsEnabledAsync(Guid organizationId, CancellationToken ct) =>
        await accounts.GetAsync(organizationId, Key, ct) is { Enabled: true, Secret: not null, WebhookSecret: not null };

    public async Task<PaymentStart> StartAsync(PaymentRequest request, CancellationToken ct)
    {
        var donation = request.Donation;
        var account = await accounts.GetAsync(donation.OrganizationId, Key, ct);
        if (account is not { Enabled: true, Secret: { } secret })
        {
            throw new PaymentProviderException("Stripe is not set up for this organization.");
        }
        var id = donation.Id.ToString();
        var form = new List<KeyValuePair<string, string>>
        {
            new("mode", "payment"),
            new("submit_type", "donate"),
            new("success_url", request.ReturnUrl.ToString()),
            new("cancel_url", request.CancelUrl.ToString()),
            new("customer_email", request.DonorEmail),
            new("client_reference_id", id),
            new("locale", request.Language is "fr" or "en" ? request.Language : "auto"),
            new("line_items[0][quantity]", "1"),
            new("line_items[0][price_data][currency]", donation.Currency.ToLowerInvariant()),
            new("line_items[0][price_data][unit_amount]", donation.AmountMinor.ToString(CultureInfo.InvariantCulture)),
            new("line_items[0][price_data][product_data][name]", request.Description),
            new("metadata[" + PaymentNotification.DonationIdKey + "]", id),
            // Charges and refunds carry the payment intent's metadata, not the session's.
            new("payment_intent_data[metadata][" + PaymentNotification.DonationIdKey + "]", id),
        };
        using var message = new HttpRequestMessage(HttpMethod.Post, options.Value.StripeBaseUrl.TrimEnd('/') + "/v1/checkout/sessions")
        {
            Content = new FormUrlEncodedContent(form),
        };
        message.Headers.Authorization = new AuthenticationHeaderValue("Bearer", secret);
        // The same donation started twice (a double click, a retry) gets the same session.
        message.Headers.Add("Idempotency-Key", "relais-" + id);
        using var response = await http.CreateClient(PaymentsSetup.HttpClientName).SendAsync(message, ct);
        await ProviderErrors.EnsureAsync(response, "checkout session", ct);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStreamAsync(ct));
        var sessionId = json.RootElement.GetProperty("id").GetString();
        var url = json.RootElement.GetProperty("url").GetString();
        if (sessionId is null || !Uri.TryCreate(url, UriKind.Absolute, out var redirect))
        {
            throw new PaymentProviderException("Stripe gave no checkout session.");
        }
        return new PaymentStart(redirect, sessionId);
    }
}
