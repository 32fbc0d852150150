using System.Net;
using Microsoft.EntityFrameworkCore;
using Relais.Activities;
using Relais.Giving;

namespace Relais.Web.Tests.Giving;

/// <summary>The donate form, offline promises and the organizer's donations, through HTTP on the real databases.</summary>
public abstract class GivingTests(RelaisHost host)
{
    private sealed record Setup(SeededOrganization Organization, SeededCampaign Campaign, Guid FundraiserId);

    private async Task<Setup> ArrangeAsync()
    {
        var organization = await host.Data.OrganizationAsync();
        var campaign = await host.Data.CampaignAsync(organization.Id);
        var fundraiser = await host.Data.FundraiserAsync(organization.Id, campaign.Id, goalMinor: 100_000);
        await host.Data.QueryAsync(async db =>
        {
            db.OfflinePaymentSettings.Add(new OfflinePaymentSettings
            {
                OrganizationId = organization.Id,
                TransferEnabled = true,
                Iban = "FR7630006000011234567890189",
                AccountHolder = "Association Test",
                CashEnabled = true,
            });
            return await db.SaveChangesAsync();
        });
        return new Setup(organization, campaign, fundraiser);
    }

    private Task<List<Donation>> DonationsAsync(Guid fundraiserId) =>
        host.Data.QueryAsync(db => db.Donations.AsNoTracking().Where(d => d.FundraiserId == fundraiserId).ToListAsync());

    [Fact]
    public async Task Give_OfflinePromiseMarkedReceived_CountsInTotalsActivityAndWall()
    {
        host.SkipIfUnavailable();
        var setup = await ArrangeAsync();
        var browser = host.Browser();

        var (response, token) = await DonateForm.GiveAsync(browser, setup.Campaign.Slug,
            DonateForm.Gift("ana@example.org", "10,50", firstName: "<script>alert(1)</script>", message: "<img src=x onerror=alert(2)>"));

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        var promise = response.Headers.Location!.ToString();
        Assert.Contains("/promise?t=" + token, promise);
        var donation = Assert.Single(await DonationsAsync(setup.FundraiserId));
        Assert.Equal(1050, donation.AmountMinor);
        Assert.Equal(DonationStatus.Pending, donation.Status);
        var instructions = await browser.GetStringAsync(promise);
        Assert.Contains(DonationReference.Of(donation.Id), instructions);
        Assert.Contains("FR7630006000011234567890189", instructions);
        var guessed = await host.Browser().GetAsync($"/c/{setup.Campaign.Slug}/give/{donation.Id}/promise?t=0123456789abcdef0123456789abcdef");
        Assert.Equal(HttpStatusCode.NotFound, guessed.StatusCode);

        var organizer = await host.Browser().LoginAsync(setup.Organization.OrganizerEmail);
        var listResponse = await organizer.GetAsync($"/admin/campaigns/{setup.Campaign.Id}/donations");
        Assert.True(listResponse.IsSuccessStatusCode, host.Errors.ToString());
        var list = await listResponse.Content.ReadAsStringAsync();
        Assert.Contains("ana@example.org", list);
        var received = await organizer.SubmitAsync($"/admin/campaigns/{setup.Campaign.Id}/donations", [],
            $"/admin/campaigns/{setup.Campaign.Id}/donations/received?donation={donation.Id}");
        Assert.Equal(HttpStatusCode.Redirect, received.StatusCode);

        var fundraiser = await host.Data.QueryAsync(db => db.Fundraisers.SingleAsync(f => f.Id == setup.FundraiserId));
        Assert.Equal(1050, fundraiser.RaisedMinor);
        Assert.Equal(1, fundraiser.DonorCount);
        Assert.Equal(1, await host.Data.QueryAsync(db => db.Activities.CountAsync(a => a.ActionId == setup.FundraiserId && a.Type == ActivityType.Donated)));
        var done = await browser.GetStringAsync($"/c/{setup.Campaign.Slug}/give/{donation.Id}/done?t={token}");
        Assert.Contains("data-donation-status=\"Succeeded\"", done);

        var page = await host.Browser().GetStringAsync($"/c/{setup.Campaign.Slug}");
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt; M.", page);
        Assert.Contains("&lt;img src=x onerror=alert(2)&gt;", page);
        Assert.DoesNotContain("<script>alert(1)", page);
        Assert.Contains("€10.50", page);
        Assert.Contains("people gave money", page);
        Assert.Contains("people gave money", await organizer.GetStringAsync("/admin"));

        var refund = await organizer.SubmitAsync($"/admin/campaigns/{setup.Campaign.Id}/donations", [],
            $"/admin/campaigns/{setup.Campaign.Id}/donations/refund?donation={donation.Id}");
        Assert.Equal(HttpStatusCode.Redirect, refund.StatusCode);
        fundraiser = await host.Data.QueryAsync(db => db.Fundraisers.SingleAsync(f => f.Id == setup.FundraiserId));
        Assert.Equal(0, fundraiser.RaisedMinor);
        Assert.Equal(0, fundraiser.DonorCount);
    }

    [Theory]
    [InlineData("0", "The amount must be more than zero.")]
    [InlineData("-5", "The amount must be more than zero.")]
    [InlineData("abc", "Type the amount in figures, such as 10 or 10,50.")]
    [InlineData("10,5555", "The amount has too many decimals.")]
    [InlineData("2000000", "This amount is too large.")]
    public async Task Give_BadAmount_400WithMessageAndNothingWritten(string typed, string message)
    {
        host.SkipIfUnavailable();
        var setup = await ArrangeAsync();

        var (response, _) = await DonateForm.GiveAsync(host.Browser(), setup.Campaign.Slug, DonateForm.Gift("bad@example.org", typed));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(message, Html.Text(await response.Content.ReadAsStringAsync()));
        Assert.Empty(await DonationsAsync(setup.FundraiserId));
        Assert.Equal(0, await host.Data.SupportersAsync(setup.Organization.Id));
    }

    [Fact]
    public async Task Give_OtherCurrency_400CurrencyMismatch()
    {
        host.SkipIfUnavailable();
        var setup = await ArrangeAsync();
        var fields = DonateForm.Gift("usd@example.org");
        fields["Form.Currency"] = "USD";

        var (response, _) = await DonateForm.GiveAsync(host.Browser(), setup.Campaign.Slug, fields);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("currency of the form does not match", await response.Content.ReadAsStringAsync());
        Assert.Empty(await DonationsAsync(setup.FundraiserId));
    }

    [Fact]
    public async Task Give_SameFormPostedTwice_OneDonation()
    {
        host.SkipIfUnavailable();
        var setup = await ArrangeAsync();
        var browser = host.Browser();

        var (first, token) = await DonateForm.GiveAsync(browser, setup.Campaign.Slug, DonateForm.Gift("twice@example.org"));
        var (second, _) = await DonateForm.GiveAsync(browser, setup.Campaign.Slug, DonateForm.Gift("twice@example.org"), token);

        Assert.Equal(HttpStatusCode.SeeOther, first.StatusCode);
        Assert.Equal(HttpStatusCode.SeeOther, second.StatusCode);
        Assert.Equal(first.Headers.Location, second.Headers.Location);
        Assert.Single(await DonationsAsync(setup.FundraiserId));
    }

    [Fact]
    public async Task Give_Anonymous_WallSaysAnonymous()
    {
        host.SkipIfUnavailable();
        var setup = await ArrangeAsync();
        await DonateForm.GiveAsync(host.Browser(), setup.Campaign.Slug, DonateForm.Gift("hidden@example.org", "25", firstName: "Zoltan", anonymous: true));
        var organizer = await host.Browser().LoginAsync(setup.Organization.OrganizerEmail);
        var donation = Assert.Single(await DonationsAsync(setup.FundraiserId));
        await organizer.SubmitAsync($"/admin/campaigns/{setup.Campaign.Id}/donations", [],
            $"/admin/campaigns/{setup.Campaign.Id}/donations/received?donation={donation.Id}");

        var page = await host.Browser().GetStringAsync($"/c/{setup.Campaign.Slug}");

        Assert.Contains("Anonymous", page);
        Assert.DoesNotContain("Zoltan", page);
        Assert.Contains("€25", page);
    }

    [Fact]
    public async Task Donations_OtherOrganization_CannotSeeOrMark()
    {
        host.SkipIfUnavailable();
        var setup = await ArrangeAsync();
        await DonateForm.GiveAsync(host.Browser(), setup.Campaign.Slug, DonateForm.Gift("victim@example.org"));
        var donation = Assert.Single(await DonationsAsync(setup.FundraiserId));
        var intruder = await host.Data.OrganizationAsync();
        var ownCampaign = await host.Data.CampaignAsync(intruder.Id);
        await host.Data.FundraiserAsync(intruder.Id, ownCampaign.Id);
        var browser = await host.Browser().LoginAsync(intruder.OrganizerEmail);

        Assert.Equal(HttpStatusCode.NotFound, (await browser.GetAsync($"/admin/campaigns/{setup.Campaign.Id}/donations")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await browser.GetAsync($"/admin/campaigns/{setup.Campaign.Id}/fundraiser")).StatusCode);
        var direct = await browser.SubmitAsync($"/admin/campaigns/{ownCampaign.Id}/fundraiser", [],
            $"/admin/campaigns/{setup.Campaign.Id}/donations/received?donation={donation.Id}");
        var throughOwn = await browser.SubmitAsync($"/admin/campaigns/{ownCampaign.Id}/fundraiser", [],
            $"/admin/campaigns/{ownCampaign.Id}/donations/received?donation={donation.Id}");

        Assert.Equal(HttpStatusCode.NotFound, direct.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, throughOwn.StatusCode);
        Assert.Equal(DonationStatus.Pending, Assert.Single(await DonationsAsync(setup.FundraiserId)).Status);
        Assert.DoesNotContain("victim@example.org", await browser.GetStringAsync($"/admin/campaigns/{ownCampaign.Id}/donations"));
    }

    [Fact]
    public async Task Fundraiser_OrganizerSaves_TypedAmountsStoredAndBadGoalRefused()
    {
        host.SkipIfUnavailable();
        var organization = await host.Data.OrganizationAsync();
        var campaign = await host.Data.CampaignAsync(organization.Id);
        var url = $"/admin/campaigns/{campaign.Id}/fundraiser";
        var organizer = await host.Browser().LoginAsync(organization.OrganizerEmail);
        Dictionary<string, string> Fields(string goal) => new()
        {
            ["Input.Goal"] = goal,
            ["Input.Currency"] = "EUR",
            ["Input.SuggestedAmounts"] = "10, 25, 50",
            ["Input.AllowCustomAmount"] = "true",
            ["Input.ShowDonorWall"] = "true",
            ["Input.IsOpen"] = "true",
            ["Input.LadderRank"] = "2",
        };

        var bad = await organizer.SubmitAsync(url, Fields("abc"));
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal(0, await host.Data.QueryAsync(db => db.Fundraisers.CountAsync(f => f.CampaignId == campaign.Id)));

        var viewer = await host.Browser().LoginAsync(organization.ViewerEmail);
        var denied = await viewer.SubmitAsync(url, Fields("5 000"));
        Assert.Equal(HttpStatusCode.Redirect, denied.StatusCode);
        Assert.StartsWith("/admin/denied", denied.Headers.Location?.AbsolutePath);

        var saved = await organizer.SubmitAsync(url, Fields("5 000"));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var fundraiser = await host.Data.QueryAsync(db => db.Fundraisers.SingleAsync(f => f.CampaignId == campaign.Id));
        Assert.Equal(500_000, fundraiser.GoalMinor);
        Assert.Equal("1000,2500,5000", fundraiser.SuggestedAmounts);
        Assert.True(fundraiser.IsOpen);
        Assert.False(fundraiser.AllowDonorMessages);
    }
}

public sealed class GivingOnSqlite(SqliteHost host) : GivingTests(host), IClassFixture<SqliteHost>;

public sealed class GivingOnPostgres(PostgresHost host) : GivingTests(host), IClassFixture<PostgresHost>;
