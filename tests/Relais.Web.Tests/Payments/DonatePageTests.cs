using System.Net;
using Microsoft.EntityFrameworkCore;
using Relais.Giving;
using Relais.Payments;
using Relais.Web.Tests.Giving;

namespace Relais.Web.Tests.Payments;

/// <summary>
/// The donate page paying online, end to end: the form, the provider's API (a fake on 127.0.0.1),
/// the signed webhook and the page the donor comes back to.
/// </summary>
public abstract class DonatePageTests<THost>(THost host)
    where THost : RelaisHost, IPaymentsHost
{
    private Task<List<Donation>> DonationsAsync(PaymentTestKit kit) =>
        host.Data.QueryAsync(db => db.Donations.AsNoTracking().Where(d => d.FundraiserId == kit.FundraiserId).ToListAsync());

    [Fact]
    public async Task Give_WithStripe_RedirectsToCheckoutAndTheWebhookSettlesIt()
    {
        host.SkipIfUnavailable();
        var kit = await PaymentTestKit.CreateAsync(host);
        var browser = host.Browser();

        var (response, token) = await DonateForm.GiveAsync(browser, kit.CampaignSlug, DonateForm.Gift("lea@example.org", "25", method: PaymentProviders.Stripe));

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        Assert.Equal("checkout.stripe.com", response.Headers.Location!.Host);
        var donation = Assert.Single(await DonationsAsync(kit));
        Assert.Equal(DonationStatus.Pending, donation.Status);
        Assert.Equal(PaymentProviders.Stripe, donation.Provider);
        Assert.Equal(2_500, donation.AmountMinor);
        Assert.Equal("cs_test_" + donation.Id.ToString("N"), donation.ProviderReference);
        var session = System.Web.HttpUtility.ParseQueryString(host.Fake.Requests.Last(r => r.Path == "/v1/checkout/sessions" && r.Body.Contains(donation.Id.ToString())).Body);
        var successUrl = new Uri(session["success_url"]!);
        Assert.Equal($"/c/{kit.CampaignSlug}/give/{donation.Id}/done", successUrl.AbsolutePath);
        Assert.Equal("?t=" + token, successUrl.Query);

        // Back from Stripe before its webhook: the page says the payment is on its way.
        var early = await browser.GetStringAsync(successUrl.PathAndQuery);
        Assert.Contains("data-donation-status=\"Pending\"", early);

        var settled = await kit.StripeAsync(PaymentTestKit.StripeSession("evt_page_" + donation.Id, "checkout.session.completed", donation.Id, donation.ProviderReference!, 2_500));

        Assert.Equal("ok", await settled.Content.ReadAsStringAsync());
        var done = await browser.GetStringAsync(successUrl.PathAndQuery);
        Assert.Contains("data-donation-status=\"Succeeded\"", done);
        Assert.Contains("Thank you for your gift", done);
        var fundraiser = await kit.FundraiserAsync();
        Assert.Equal(2_500, fundraiser.RaisedMinor);
        Assert.Equal(1, fundraiser.DonorCount);
    }

    [Fact]
    public async Task Give_StripeDown_FormAgainWith502AndTheSameTokenKeepsOneDonation()
    {
        host.SkipIfUnavailable();
        var kit = await PaymentTestKit.CreateAsync(host);
        var browser = host.Browser();
        var gift = DonateForm.Gift("unavailable@example.org", "30", firstName: "Noé", method: PaymentProviders.Stripe);

        var (down, token) = await DonateForm.GiveAsync(browser, kit.CampaignSlug, gift);

        Assert.Equal(HttpStatusCode.BadGateway, down.StatusCode);
        var html = await down.Content.ReadAsStringAsync();
        Assert.Contains("The payment service did not answer. Nothing was charged", Html.Text(html));
        // What the donor typed is still there.
        Assert.Contains("value=\"Noé\"", html);
        Assert.Contains("value=\"unavailable@example.org\"", html);
        var pending = Assert.Single(await DonationsAsync(kit));
        Assert.Equal(DonationStatus.Pending, pending.Status);
        Assert.Equal(0, (await kit.FundraiserAsync()).RaisedMinor);

        // The donor tries again from the same form once Stripe answers: still one donation.
        var (retried, _) = await DonateForm.GiveAsync(browser, kit.CampaignSlug,
            new Dictionary<string, string>(gift) { ["Form.Email"] = "noe@example.org" }, token);

        Assert.Equal(HttpStatusCode.SeeOther, retried.StatusCode);
        Assert.Equal("checkout.stripe.com", retried.Headers.Location!.Host);
        var donation = Assert.Single(await DonationsAsync(kit));
        Assert.Equal(pending.Id, donation.Id);
        Assert.Equal("cs_test_" + donation.Id.ToString("N"), donation.ProviderReference);
    }
}

public sealed class DonatePageOnSqlite(PaymentsSqliteHost host) : DonatePageTests<PaymentsSqliteHost>(host), IClassFixture<PaymentsSqliteHost>;

public sealed class DonatePageOnPostgres(PaymentsPostgresHost host) : DonatePageTests<PaymentsPostgresHost>(host), IClassFixture<PaymentsPostgresHost>;
