using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Relais.Giving;
using Relais.Payments;
using Relais.Web.Giving;
using Relais.Web.Payments;

namespace Relais.Web.Tests.Payments;

/// <summary>Starting a payment sends the documented request to the provider (a fake on 127.0.0.1).</summary>
public sealed class PaymentStartTests(PaymentsSqliteHost host) : IClassFixture<PaymentsSqliteHost>
{
    private static readonly Uri ReturnUrl = new("http://relais.test/donate/thanks?d=1");
    private static readonly Uri CancelUrl = new("http://relais.test/donate");

    [Fact]
    public async Task Stripe_Start_PostsCheckoutSessionInMinorUnits()
    {
        var kit = await PaymentTestKit.CreateAsync(host);
        var donation = await PendingDonationAsync(kit, 1_050);

        var start = await StartAsync(PaymentProviders.Stripe, donation);

        Assert.Equal("cs_test_" + donation.Id.ToString("N"), start.ProviderReference);
        Assert.Equal("checkout.stripe.com", start.RedirectTo.Host);
        var sent = host.Fake.Requests.Last(r => r.Path == "/v1/checkout/sessions");
        Assert.Equal("Bearer sk_test_123", sent.Authorization);
        Assert.Equal("relais-" + donation.Id, sent.Headers["Idempotency-Key"]);
        var form = System.Web.HttpUtility.ParseQueryString(sent.Body);
        Assert.Equal("payment", form["mode"]);
        Assert.Equal("1050", form["line_items[0][price_data][unit_amount]"]);
        Assert.Equal("eur", form["line_items[0][price_data][currency]"]);
        Assert.Equal(donation.Id.ToString(), form["client_reference_id"]);
        Assert.Equal(donation.Id.ToString(), form["metadata[donation_id]"]);
        Assert.Equal(donation.Id.ToString(), form["payment_intent_data[metadata][donation_id]"]);
        Assert.Equal(ReturnUrl.ToString(), form["success_url"]);
        Assert.Equal(CancelUrl.ToString(), form["cancel_url"]);
        Assert.Equal("ana@example.org", form["customer_email"]);
    }

    [Fact]
    public async Task HelloAsso_Start_TakesATokenOnceAndPostsCheckoutIntentInCents()
    {
        var kit = await PaymentTestKit.CreateAsync(host);
        var first = await PendingDonationAsync(kit, 2_000);
        var second = await PendingDonationAsync(kit, 3_000);
        var tokensBefore = host.Fake.Requests.Count(r => r.Path == "/oauth2/token");

        var start = await StartAsync(PaymentProviders.HelloAsso, first);
        await StartAsync(PaymentProviders.HelloAsso, second);

        Assert.Equal("4567", start.ProviderReference);
        Assert.Equal(tokensBefore + 1, host.Fake.Requests.Count(r => r.Path == "/oauth2/token"));
        var token = System.Web.HttpUtility.ParseQueryString(host.Fake.Requests.Last(r => r.Path == "/oauth2/token").Body);
        Assert.Equal("client_credentials", token["grant_type"]);
        Assert.Equal("ha-client", token["client_id"]);
        Assert.Equal("ha-secret", token["client_secret"]);
        var sent = host.Fake.Requests.First(r => r.Path == "/v5/organizations/mon-asso/checkout-intents" && r.Body.Contains(first.Id.ToString()));
        Assert.Equal("Bearer ha-token", sent.Authorization);
        using var json = JsonDocument.Parse(sent.Body);
        var root = json.RootElement;
        Assert.Equal(2_000, root.GetProperty("totalAmount").GetInt64());
        Assert.Equal(2_000, root.GetProperty("initialAmount").GetInt64());
        Assert.True(root.GetProperty("containsDonation").GetBoolean());
        Assert.Equal(ReturnUrl.ToString(), root.GetProperty("returnUrl").GetString());
        Assert.Equal(CancelUrl.ToString(), root.GetProperty("backUrl").GetString());
        Assert.Equal("ana@example.org", root.GetProperty("payer").GetProperty("email").GetString());
        Assert.Equal(first.Id.ToString(), root.GetProperty("metadata").GetProperty("donationId").GetString());
    }

    [Fact]
    public async Task PayPal_StartThenReturn_OrderCapturedAndDonationSucceeds()
    {
        var kit = await PaymentTestKit.CreateAsync(host);
        var donation = await PendingDonationAsync(kit, 1_000);

        var start = await StartAsync(PaymentProviders.PayPal, donation);

        Assert.Equal("ORDER-1", start.ProviderReference);
        Assert.Equal("www.sandbox.paypal.com", start.RedirectTo.Host);
        var token = host.Fake.Requests.Last(r => r.Path == "/v1/oauth2/token");
        Assert.Equal("Basic " + Convert.ToBase64String("pp-client:pp-secret"u8.ToArray()), token.Authorization);
        var sent = host.Fake.Requests.Last(r => r.Path == "/v2/checkout/orders");
        Assert.Equal("Bearer pp-token", sent.Authorization);
        using var json = JsonDocument.Parse(sent.Body);
        Assert.Equal("CAPTURE", json.RootElement.GetProperty("intent").GetString());
        var unit = json.RootElement.GetProperty("purchase_units")[0];
        Assert.Equal(donation.Id.ToString(), unit.GetProperty("custom_id").GetString());
        Assert.Equal("10.00", unit.GetProperty("amount").GetProperty("value").GetString());
        Assert.Equal("EUR", unit.GetProperty("amount").GetProperty("currency_code").GetString());
        var returnUrl = new Uri(json.RootElement.GetProperty("application_context").GetProperty("return_url").GetString()!);

        // The donor approved at PayPal and comes back with the order's token.
        await host.Data.QueryAsync(db => db.Donations.Where(d => d.Id == donation.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(d => d.Provider, PaymentProviders.PayPal).SetProperty(d => d.ProviderReference, "ORDER-1")));
        FakeProviderApi.CaptureCustomId = donation.Id.ToString();
        FakeProviderApi.CaptureValue = "10.00";
        var back = await host.Browser().GetAsync(returnUrl.PathAndQuery + "&token=ORDER-1&PayerID=P1");

        Assert.Equal(HttpStatusCode.Redirect, back.StatusCode);
        Assert.Equal(ReturnUrl, back.Headers.Location);
        Assert.Contains(host.Fake.Requests, r => r.Path == "/v2/checkout/orders/ORDER-1/capture");
        Assert.Equal(DonationStatus.Succeeded, (await kit.DonationAsync(donation.Id)).Status);
        Assert.Equal(1_000, (await kit.FundraiserAsync()).RaisedMinor);
    }

    [Fact]
    public async Task PayPal_ReturnWithForgedDestination_BadRequest()
    {
        var kit = await PaymentTestKit.CreateAsync(host);

        var back = await host.Browser().GetAsync($"/payments/paypal/return/{kit.OrganizationId}?next=https%3A%2F%2Fevil.example&token=ORDER-1");

        Assert.Equal(HttpStatusCode.BadRequest, back.StatusCode);
    }

    private async Task<Donation> PendingDonationAsync(PaymentTestKit kit, long amount)
    {
        var id = await host.Data.DonationAsync(kit.OrganizationId, kit.FundraiserId, amount, DonationStatus.Pending, "ana@example.org");
        return await kit.DonationAsync(id);
    }

    private async Task<PaymentStart> StartAsync(string provider, Donation donation)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var payment = scope.ServiceProvider.GetServices<IPaymentProvider>().Single(p => p.Key == provider);
        Assert.True(await payment.IsEnabledAsync(donation.OrganizationId, default));
        return await payment.StartAsync(new PaymentRequest(donation, "Gift to the campaign", "ana@example.org", "Ana", "Lopez", ReturnUrl, CancelUrl, "fr"), default);
    }
}
