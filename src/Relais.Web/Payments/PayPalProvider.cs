using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Relais.Data;
using Relais.Giving;
using Relais.Payments;
using Relais.Web.Giving;

namespace Relais.Web.Payments;

/// <summary>
/// PayPal Orders v2: an order to capture for the donation's amount; the donor approves it at
/// PayPal and comes back to Relais, which captures it server-side and settles the donation
/// (the PAYMENT.CAPTURE.* webhooks confirm, refuse or refund it later; the ledger counts once).
/// </summary>
public sealed class PayPalProvider(
    PaymentAccounts accounts, ProviderTokens tokens, IHttpClientFactory http, IOptions<PaymentsOptions> options, IDataProtectionProvider protection)
    : IPaymentProvider
{
    private const string ReturnPurpose = "Relais.Payments.PayPalReturn";

    public string Key => PaymentProviders.PayPal;
    public string DisplayName => "PayPal";

    public async Task<bool> IsEnabledAsync(Guid organizationId, CancellationToken ct) =>
        await accounts.GetAsync(organizationId, Key, ct) is { Enabled: true, Secret: not null, ClientId: not null, WebhookId: not null };

    private string BaseUrl(PaymentAccount account) =>
        (account.Sandbox ? options.Value.PayPalSandboxBaseUrl : options.Value.PayPalBaseUrl).TrimEnd('/');

    public async Task<PaymentStart> StartAsync(PaymentRequest request, CancellationToken ct)
    {
        var donation = request.Donation;
        var (account, token) = await AuthorizeAsync(donation.OrganizationId, ct);
        // PayPal sends the donor back to Relais (to capture), then Relais sends them where the donate page asked;
        // that address travels protected, so the return page cannot be made to redirect anywhere else.
        var next = protection.CreateProtector(ReturnPurpose).Protect(request.ReturnUrl.ToString());
        var returnUrl = new Uri(request.ReturnUrl, $"/payments/paypal/return/{donation.OrganizationId}?next={Uri.EscapeDataString(next)}");
        var body = new
        {
            intent = "CAPTURE",
            purchase_units = new[]
            {
                new
                {
                    reference_id = donation.Id.ToString(),
                    custom_id = donation.Id.ToString(),
                    description = request.Description.Length > 127 ? request.Description[..127] : request.Description,
                    amount = new { currency_code = donation.Currency, value = PayPalEvents.FormatValue(donation.AmountMinor, donation.Currency) },
                },
            },
            application_context = new
            {
                return_url = returnUrl.ToString(),
                cancel_url = request.CancelUrl.ToString(),
                user_action = "PAY_NOW",
                shipping_preference = "NO_SHIPPING",
                locale = request.Language == "fr" ? "fr-FR" : "en-US",
            },
        };
        using var message = new HttpRequestMessage(HttpMethod.Post, BaseUrl(account) + "/v2/checkout/orders") { Content = JsonContent.Create(body) };
        message.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        message.Headers.Add("PayPal-Request-Id", "relais-" + donation.Id);
        using var response = await http.CreateClient(PaymentsSetup.HttpClientName).SendAsync(message, ct);
        await ProviderErrors.EnsureAsync(response, "order", ct);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStreamAsync(ct));
        var orderId = json.RootElement.GetProperty("id").GetString();
        var approve = json.RootElement.TryGetProperty("links", out var links) && links.ValueKind == JsonValueKind.Array
            ? links.EnumerateArray().Where(l => l.GetProperty("rel").GetString() is "approve" or "payer-action")
                .Select(l => l.GetProperty("href").GetString()).FirstOrDefault()
            : null;
        if (orderId is null || !Uri.TryCreate(approve, UriKind.Absolute, out var redirect))
        {
            throw new PaymentProviderException("PayPal gave no order to approve.");
        }
        return new PaymentStart(redirect, orderId);
    }

    /// <summary>Captures an approved order; returns what PayPal says of the capture, in Relais's terms.</summary>
    public async Task<PaymentNotification?> CaptureAsync(Guid organizationId, string orderId, CancellationToken ct)
    {
        var (account, token) = await AuthorizeAsync(organizationId, ct);
        using var message = new HttpRequestMessage(HttpMethod.Post, $"{BaseUrl(account)}/v2/checkout/orders/{Uri.EscapeDataString(orderId)}/capture")
        {
            Content = new StringContent("{}", MediaTypeHeaderValue.Parse("application/json")),
        };
        message.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        message.Headers.Add("PayPal-Request-Id", "relais-capture-" + orderId);
        using var response = await http.CreateClient(PaymentsSetup.HttpClientName).SendAsync(message, ct);
        await ProviderErrors.EnsureAsync(response, "capture", ct);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStreamAsync(ct));
        var capture = json.RootElement.GetProperty("purchase_units").EnumerateArray()
            .SelectMany(u => u.TryGetProperty("payments", out var p) && p.TryGetProperty("captures", out var c) ? c.EnumerateArray() : [])
            .FirstOrDefault();
        if (capture.ValueKind != JsonValueKind.Object)
        {
            return null;
        }
        var status = capture.GetProperty("status").GetString();
        var amount = capture.GetProperty("amount");
        var currency = amount.GetProperty("currency_code").GetString()!;
        long? minor = PayPalEvents.TryMinor(amount.GetProperty("value").GetString(), currency, out var m) ? m : null;
        Guid? donationId = capture.TryGetProperty("custom_id", out var custom) && Guid.TryParse(custom.GetString(), out var g) ? g : null;
        DonationStatus? outcome = status switch
        {
            "COMPLETED" => DonationStatus.Succeeded,
            "DECLINED" or "FAILED" => DonationStatus.Failed,
            _ => null,
        };
        return new PaymentNotification("capture:" + capture.GetProperty("id").GetString(), "ORDER.CAPTURE." + status, outcome, orderId, donationId, minor, currency);
    }

    private async Task<(PaymentAccount Account, string Token)> AuthorizeAsync(Guid organizationId, CancellationToken ct)
    {
        var account = await accounts.GetAsync(organizationId, Key, ct);
        if (account is not { Enabled: true, Secret: { } secret, ClientId: { } clientId })
        {
            throw new PaymentProviderException("PayPal is not set up for this organization.");
        }
        return (account, await tokens.PayPalAsync(BaseUrl(account), clientId, secret, ct));
    }

    /// <summary>GET /payments/paypal/return/{organizationId}?token={order}&amp;next=…: the donor is back from PayPal.</summary>
    public static void MapReturn(IEndpointRouteBuilder app) =>
        app.MapGet("/payments/paypal/return/{organizationId:guid}", ReturnAsync).AllowAnonymous().ExcludeFromDescription();

    private static async Task<IResult> ReturnAsync(
        Guid organizationId, string? token, string? next, PayPalProvider paypal, PaymentSettlement settlement, RelaisDb db,
        IDataProtectionProvider protection, ILogger<PayPalProvider> logger, CancellationToken ct)
    {
        string destination;
        try
        {
            destination = protection.CreateProtector(ReturnPurpose).Unprotect(next ?? "");
        }
        catch (CryptographicException)
        {
            return Results.BadRequest();
        }
        if (string.IsNullOrEmpty(token)
            || !await db.Donations.AnyAsync(d => d.OrganizationId == organizationId && d.Provider == PaymentProviders.PayPal && d.ProviderReference == token, ct))
        {
            return Results.NotFound();
        }
        try
        {
            if (await paypal.CaptureAsync(organizationId, token, ct) is { } captured)
            {
                await settlement.SettleAsync(organizationId, PaymentProviders.PayPal, captured, ct);
            }
        }
        catch (PaymentProviderException e)
        {
            // Already captured, or declined: the webhook settles it; the donor still sees where their gift stands.
            logger.LogWarning(e, "PayPal order {Order} could not be captured.", token);
        }
        return Results.Redirect(destination);
    }
}
