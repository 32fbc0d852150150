using System.Net;
using Microsoft.EntityFrameworkCore;
using Relais.Messaging;

namespace Relais.Web.Tests.Relays;

/// <summary>Personal relay links through HTTP: clicks counted, signatures credited once, bad codes ignored.</summary>
public abstract class AttributionTests(RelaisHost host)
{
    [Fact]
    public async Task ClickThenSign_NewSupporter_CreditsRelayOnceAndCountsTheClick()
    {
        host.SkipIfUnavailable();
        var organization = await host.Data.OrganizationAsync();
        var campaign = await host.Data.CampaignAsync(organization.Id);
        var relay = await host.RelayAsync(organization.Id, campaign.Slug, "relay@example.org");
        var visitor = host.Browser();

        var click = await visitor.GetAsync($"/r/{relay.Code}/{campaign.Slug}?n=whatsapp");

        Assert.Equal(HttpStatusCode.Redirect, click.StatusCode);
        Assert.Equal($"/c/{campaign.Slug}", click.Headers.Location?.OriginalString);
        var cookie = Assert.Single(click.Headers.GetValues("Set-Cookie"), c => c.StartsWith("relais.ref="));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=lax", cookie, StringComparison.OrdinalIgnoreCase);
        var stored = await RelayTestData.EventuallyAsync(
            () => host.Data.QueryAsync(db => db.RelayClicks.Where(c => c.CampaignId == campaign.Id).ToListAsync()), c => c.Count == 1);
        Assert.Equal((relay.Id, "whatsapp", campaign.PetitionId, organization.Id), (stored[0].RelayId, stored[0].Network, stored[0].ActionId, stored[0].OrganizationId));

        Assert.Equal(HttpStatusCode.Redirect, (await visitor.SignAsync(campaign.Slug, Forms.Signature("friend@example.org"))).StatusCode);
        // Again: the same person signing twice, after a second click, credits nobody twice.
        await visitor.GetAsync($"/r/{relay.Code}/{campaign.Slug}?n=x");
        await visitor.SignAsync(campaign.Slug, Forms.Signature("friend@example.org"));

        var friend = await host.SupporterIdAsync(organization.Id, "friend@example.org");
        var credit = Assert.Single(await host.CreditsAsync(campaign.PetitionId));
        Assert.Equal((relay.Id, friend, campaign.Id), (credit.SupporterId, credit.ReferredSupporterId, credit.CampaignId));
        Assert.Equal(relay.Id, await host.Data.QueryAsync(db => db.Supporters.Where(s => s.Id == friend).Select(s => s.ReferredById).SingleAsync()));
        await RelayTestData.EventuallyAsync(() => host.ClicksAsync(campaign.Id), n => n == 2);
    }

    [Fact]
    public async Task SignWithCodeInForm_NoCookie_CreditsRelay()
    {
        host.SkipIfUnavailable();
        var organization = await host.Data.OrganizationAsync();
        var campaign = await host.Data.CampaignAsync(organization.Id);
        var relay = await host.RelayAsync(organization.Id, campaign.Slug, "relay@example.org");
        // The link was followed on a phone; the signature comes days later from another browser.
        var page = await (await host.Browser().GetAsync($"/c/{campaign.Slug}")).Content.ReadAsStringAsync();
        Assert.DoesNotContain("name=\"ref\"", page);

        var fields = Forms.Signature("later@example.org");
        fields["ref"] = relay.Code;
        var response = await host.Browser().SignAsync(campaign.Slug, fields);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var credit = Assert.Single(await host.CreditsAsync(campaign.PetitionId));
        Assert.Equal(relay.Id, credit.SupporterId);
    }

    [Fact]
    public async Task EmailedRefLink_CountsRemembersAndCarriesTheCodeInTheForm()
    {
        host.SkipIfUnavailable();
        var organization = await host.Data.OrganizationAsync();
        var campaign = await host.Data.CampaignAsync(organization.Id);
        var relay = await host.RelayAsync(organization.Id, campaign.Slug, "relay@example.org");
        var visitor = host.Browser();

        var response = await visitor.GetAsync($"/c/{campaign.Slug}?ref={relay.Code}");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/c/{campaign.Slug}", response.Headers.Location?.OriginalString);
        var page = await (await visitor.GetAsync($"/c/{campaign.Slug}")).Content.ReadAsStringAsync();
        Assert.Contains($"name=\"ref\" value=\"{relay.Code}\"", page);
        await RelayTestData.EventuallyAsync(() => host.ClicksAsync(campaign.Id), n => n == 1);
        await visitor.SignAsync(campaign.Slug, Forms.Signature("emailed@example.org"));
        Assert.Single(await host.CreditsAsync(campaign.PetitionId));
    }

    [Fact]
    public async Task ForgedMalformedOrForeignCodes_AreIgnoredWithoutError()
    {
        host.SkipIfUnavailable();
        var organization = await host.Data.OrganizationAsync();
        var campaign = await host.Data.CampaignAsync(organization.Id);
        var other = await host.Data.OrganizationAsync();
        var otherCampaign = await host.Data.CampaignAsync(other.Id);
        var foreign = await host.RelayAsync(other.Id, otherCampaign.Slug, "foreign@example.org");
        var relay = await host.RelayAsync(organization.Id, campaign.Slug, "relay@example.org");
        var visitor = host.Browser();
        var forged = RelayCode.For(Guid.NewGuid());

        foreach (var url in new[]
        {
            $"/r/not-a-code/{campaign.Slug}", $"/r/{forged}/{campaign.Slug}?n=x", $"/r/{foreign.Code}/{campaign.Slug}",
            $"/r/{new string('A', 400)}/{campaign.Slug}?n=%3Cscript%3E", $"/c/{campaign.Slug}?ref=%27%20OR%201=1", $"/c/{campaign.Slug}?ref={forged}",
        })
        {
            var response = await visitor.GetAsync(url);
            Assert.True(response.StatusCode == HttpStatusCode.Redirect, url);
            Assert.Equal($"/c/{campaign.Slug}", response.Headers.Location?.OriginalString);
            Assert.False(response.Headers.TryGetValues("Set-Cookie", out var cookies) && cookies.Any(c => c.StartsWith("relais.ref=")), url);
        }
        var unknown = await visitor.GetAsync($"/r/{relay.Code}/no-such-campaign");
        Assert.Equal(HttpStatusCode.Redirect, unknown.StatusCode);
        Assert.Equal("/", unknown.Headers.Location?.OriginalString);
        var fields = Forms.Signature("forged@example.org");
        fields["ref"] = forged;
        Assert.Equal(HttpStatusCode.Redirect, (await visitor.SignAsync(campaign.Slug, fields)).StatusCode);
        fields = Forms.Signature("foreign-ref@example.org");
        fields["ref"] = foreign.Code;
        Assert.Equal(HttpStatusCode.Redirect, (await host.Browser().SignAsync(campaign.Slug, fields)).StatusCode);

        // Clicks are written in order: once a real click is stored, none of the bad ones was.
        await host.Browser().GetAsync($"/r/{relay.Code}/{campaign.Slug}");
        await RelayTestData.EventuallyAsync(() => host.ClicksAsync(campaign.Id), n => n == 1);
        await Task.Delay(300);
        Assert.Equal(1, await host.ClicksAsync(campaign.Id));
        Assert.Empty(await host.CreditsAsync(campaign.PetitionId));
        Assert.Equal(0, await host.Data.QueryAsync(db => db.Supporters.CountAsync(s => s.OrganizationId == organization.Id && s.ReferredById != null)));
    }

    [Fact]
    public async Task SelfReferral_RelaySignsThroughOwnLink_CountsClickButCreditsNobody()
    {
        host.SkipIfUnavailable();
        var organization = await host.Data.OrganizationAsync();
        var first = await host.Data.CampaignAsync(organization.Id);
        var second = await host.Data.CampaignAsync(organization.Id);
        var relay = await host.RelayAsync(organization.Id, first.Slug, "self@example.org");
        var browser = host.Browser();

        await browser.GetAsync($"/r/{relay.Code}/{second.Slug}?n=facebook");
        var response = await browser.SignAsync(second.Slug, Forms.Signature("self@example.org"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(1, await host.Data.SignaturesAsync(second.PetitionId));
        Assert.Empty(await host.CreditsAsync(second.PetitionId));
        Assert.Null(await host.Data.QueryAsync(db => db.Supporters.Where(s => s.Id == relay.Id).Select(s => s.ReferredById).SingleAsync()));
        await RelayTestData.EventuallyAsync(() => host.ClicksAsync(second.Id), n => n == 1);
    }

    [Fact]
    public async Task ExistingSupporter_BroughtToANewAction_CreditedButNeverReparented()
    {
        host.SkipIfUnavailable();
        var organization = await host.Data.OrganizationAsync();
        var first = await host.Data.CampaignAsync(organization.Id);
        var second = await host.Data.CampaignAsync(organization.Id);
        var a = await host.RelayAsync(organization.Id, first.Slug, "a@example.org");
        var brought = host.Browser();
        await brought.GetAsync($"/r/{a.Code}/{first.Slug}");
        await brought.SignAsync(first.Slug, Forms.Signature("b@example.org"));
        var b = await host.SupporterIdAsync(organization.Id, "b@example.org");

        // A, an existing supporter, signs the second action through B's link: a credit for B, no loop in the tree.
        var back = host.Browser();
        await back.GetAsync($"/r/{RelayCode.For(b)}/{second.Slug}");
        await back.SignAsync(second.Slug, Forms.Signature("a@example.org"));

        var credit = Assert.Single(await host.CreditsAsync(second.PetitionId));
        Assert.Equal((b, a.Id), (credit.SupporterId, credit.ReferredSupporterId));
        var parents = await host.Data.QueryAsync(db => db.Supporters.Where(s => s.OrganizationId == organization.Id)
            .ToDictionaryAsync(s => s.Id, s => s.ReferredById));
        Assert.Null(parents[a.Id]);
        Assert.Equal(a.Id, parents[b]);
    }
}

public sealed class AttributionOnSqlite(SqliteHost host) : AttributionTests(host), IClassFixture<SqliteHost>;

public sealed class AttributionOnPostgres(PostgresHost host) : AttributionTests(host), IClassFixture<PostgresHost>;
