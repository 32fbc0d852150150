using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.Options;
using Relais.Payments;
using Relais.Web.Giving;

namespace Relais.Web.Payments;

/// <summary>HelloAsso Checkout: a checkout intent marked as a donation, in euros; settled by its notifications.</summary>
public sealed class HelloAssoProvider(PaymentAccounts accounts, ProviderTokens tokens, IHttpClientFactory http, IOptions<PaymentsOptions> options)
    : IPaymentProvider
{
    public string Key => PaymentProviders.HelloAsso;
    public string DisplayName => "HelloAsso";

    public async Task<bool> IsEnabledAsync(Guid organizationId, CancellationToken ct) =>
        await accounts.GetAsync(organizationId, Key, ct) is { Enabled: true, Secret: not null, ClientId: not null, AccountSlug: not null, UrlToken: not null };

    public string BaseUrl(PaymentAccount account) =>
        (account.Sandbox ? options.Value.HelloAssoSandboxBaseUrl : options.Value.HelloAssoBaseUrl).TrimEnd('/');

    public async Task<PaymentStart> StartAsync(PaymentRequest request, CancellationToken ct)
    {
        var donation = request.Donation;
        var account = await accounts.GetAsync(donation.OrganizationId, Key, ct);
        if (account is not { Enabled: true, Secret: { } secret, ClientId: { } clientId, AccountSlug: { } slug })
        {
            throw new PaymentProviderException("HelloAsso is not set up for this organization.");
        }
        if (donation.Currency != HelloAssoEvents.Currency)
        {
            throw new PaymentProviderException("HelloAsso collects euros only.");
        }
        var baseUrl = BaseUrl(account);
        var token = await tokens.HelloAssoAsync(baseUrl, clientId, secret, ct);
        var body = new
        {
            totalAmount = donation.AmountMinor,
            initialAmount = donation.AmountMinor,
            itemName = request.Description.Length > 250 ? request.Description[..250] : request.Description,
            backUrl = request.CancelUrl.ToString(),
            errorUrl = request.CancelUrl.ToString(),
            returnUrl = request.ReturnUrl.ToString(),
            containsDonation = true,
            payer = new { firstName = request.DonorFirstName, lastName = request.DonorLastName, email = request.DonorEmail },
            metadata = new { donationId = donation.Id.ToString() },
        };
        using var message = new HttpRequestMessage(HttpMethod.Post, $"{baseUrl}/v5/organizations/{Uri.EscapeDataString(slug)}/checkout-intents")
        {
            Content = JsonContent.Create(body),
        };
        message.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await http.CreateClient(PaymentsSetup.HttpClientName).SendAsync(message, ct);
        await ProviderErrors.EnsureAsync(response, "checkout intent", ct);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStreamAsync(ct));
        var id = json.RootElement.GetProperty("id");
        var reference = id.ValueKind == JsonValueKind.Number ? id.GetRawText() : id.GetString();
        var url = json.RootElement.GetProperty("redirectUrl").GetString();
        if (reference is null || !Uri.TryCreate(url, UriKind.Absolute, out var redirect))
        {
            throw new PaymentProviderException("HelloAsso gave no checkout intent.");
        }
        return new PaymentStart(redirect, reference);
    }
}
