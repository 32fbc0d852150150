using System.Net;
using Microsoft.EntityFrameworkCore;
using Relais.Messaging;

namespace Relais.Web.Tests.Relays;

/// <summary>The organizers' relay report and the public board of top relays, through HTTP.</summary>
public abstract class ReportTests(RelaisHost host)
{
    [Fact]
    public async Task Report_KnownRelayTree_ShowsConversionsDepthAndViralCoefficient()
    {
        host.SkipIfUnavailable();
        var organization = await host.Data.OrganizationAsync();
        var campaign = await host.Data.CampaignAsync(organization.Id);
        var elsewhere = await host.Data.CampaignAsync(organization.Id);
        var a = await host.RelayAsync(organization.Id, campaign.Slug, "a@example.org", "Alma");
        await host.Browser().SignAsync(elsewhere.Slug, Forms.Signature("g@example.org", "Gaston"));
        async Task<Guid> BringAsync(Guid relay, string email, string name, string network)
        {
            var browser = host.Browser();
            Assert.Equal(HttpStatusCode.Redirect, (await browser.GetAsync($"/r/{RelayCode.For(relay)}/{campaign.Slug}?n={network}")).StatusCode);
            Assert.Equal(HttpStatusCode.Redirect, (await browser.SignAsync(campaign.Slug, Forms.Signature(email, name))).StatusCode);
            return await host.SupporterIdAsync(organization.Id, email);
        }
        // A brought B and C, B brought D (three new people); G, already a supporter, came through C.
        var b = await BringAsync(a.Id, "b@example.org", "Bruno", "x");
        var c = await BringAsync(a.Id, "c@example.org", "Chloé", "whatsapp");
        await BringAsync(b, "d@example.org", "Dora", "whatsapp");
        await BringAsync(c, "g@example.org", "Gaston", "email");
        await host.Browser().SignAsync(campaign.Slug, Forms.Signature("f@example.org", "Fanny"));
        await RelayTestData.EventuallyAsync(() => host.ClicksAsync(campaign.Id), n => n == 4);
        var organizer = await host.Browser().LoginAsync(organization.ViewerEmail);

        var response = await organizer.GetAsync($"/admin/relays?campaign={campaign.Id}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        // Six signers, three of them new people brought by relays: 3 / 6.
        Assert.Contains("data-figure=\"coefficient\">0.50<", html);
        Assert.Contains("data-figure=\"depth\">2<", html);
        Assert.Contains("data-figure=\"conversions\">4<", html);
        Assert.Contains("data-figure=\"brought\">3<", html);
        Assert.Contains("data-figure=\"supporters\">6<", html);
        Assert.Contains("data-figure=\"clicks\">4<", html);
        Assert.Matches("data-network=\"whatsapp\">\\s*<th scope=\"row\">whatsapp</th>\\s*<td>0 <meter[^>]*></meter></td>\\s*<td>2 ", html);
        // The tree as nested lists: Alma > Bruno > Dora.
        Assert.Matches("Alma Martin</a>[^<]*<span class=\"hint\">\\(brought 3\\)</span><ul><li data-depth=\"1\"><a href=\"/admin/supporters/" + b + "\">Bruno Martin</a>[^<]*<span[^>]*>[^<]*</span><ul><li data-depth=\"2\"><a[^>]*>Dora Martin", html);
    }

    [Fact]
    public async Task Report_OtherOrganizationsCampaign_IsNotFoundAndShowsNothingOfIt()
    {
        host.SkipIfUnavailable();
        var organization = await host.Data.OrganizationAsync();
        var campaign = await host.Data.CampaignAsync(organization.Id);
        var relay = await host.RelayAsync(organization.Id, campaign.Slug, "secret-relay@example.org", "Secretia");
        var browser = host.Browser();
        await browser.GetAsync($"/r/{relay.Code}/{campaign.Slug}");
        await browser.SignAsync(campaign.Slug, Forms.Signature("brought@example.org", "Hiddenna"));
        var intruder = await host.Data.OrganizationAsync();
        await host.Data.CampaignAsync(intruder.Id);
        var organizer = await host.Browser().LoginAsync(intruder.OrganizerEmail);

        var foreign = await organizer.GetAsync($"/admin/relays?campaign={campaign.Id}");
        var own = await (await organizer.GetAsync("/admin/relays")).Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);
        Assert.DoesNotContain("Secretia", own);
        Assert.DoesNotContain("Hiddenna", own);
        Assert.Contains("data-figure=\"conversions\">0<", own);
        var anonymous = await host.Browser().GetAsync($"/admin/relays?campaign={campaign.Id}");
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
    }

    [Fact]
    public async Task Board_OnlyOptedInRelaysAppear_UnderTheirChosenName()
    {
        host.SkipIfUnavailable();
        var organization = await host.Data.OrganizationAsync();
        var campaign = await host.Data.CampaignAsync(organization.Id);
        var shy = await host.RelayAsync(organization.Id, campaign.Slug, "shy@example.org", "Shyla");
        var proud = host.Browser();
        await proud.SignAsync(campaign.Slug, Forms.Signature("proud@example.org", "Prudence"));
        var proudId = await host.SupporterIdAsync(organization.Id, "proud@example.org");
        var thanks = await (await proud.GetAsync($"/c/{campaign.Slug}/thanks")).Content.ReadAsStringAsync();
        Assert.Contains(Relais.Relays.RelayLinks.Path(campaign.Slug, proudId), thanks);
        Assert.Contains("value=\"Prudence M.\"", thanks);

        var saved = await proud.SubmitAsync($"/c/{campaign.Slug}/thanks",
            new Dictionary<string, string> { ["showOnBoard"] = "true", ["boardName"] = "Prue <b>the relay</b>" },
            $"/c/{campaign.Slug}/thanks?handler=Board");
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        foreach (var (relay, email) in new[] { (proudId, "one@example.org"), (proudId, "two@example.org"), (shy.Id, "three@example.org") })
        {
            var browser = host.Browser();
            await browser.GetAsync($"/r/{RelayCode.For(relay)}/{campaign.Slug}");
            await browser.SignAsync(campaign.Slug, Forms.Signature(email, "Someone"));
        }

        var board = await (await host.Browser().GetAsync($"/c/{campaign.Slug}/relays")).Content.ReadAsStringAsync();

        Assert.Contains("Prue &lt;b&gt;the relay&lt;/b&gt;", board);
        Assert.Contains("people brought: 2", board);
        Assert.DoesNotContain("Shyla", board);
        Assert.DoesNotContain("people brought: 1", board);
        Assert.DoesNotContain("<b>the relay", board);
    }

    [Fact]
    public async Task PreferencesPage_OptIn_PutsTheRelayOnTheBoardAndOptOutRemovesThem()
    {
        host.SkipIfUnavailable();
        var organization = await host.Data.OrganizationAsync();
        var campaign = await host.Data.CampaignAsync(organization.Id);
        var relay = await host.RelayAsync(organization.Id, campaign.Slug, "prefs@example.org", "Paloma");
        var friend = host.Browser();
        await friend.GetAsync($"/r/{relay.Code}/{campaign.Slug}");
        await friend.SignAsync(campaign.Slug, Forms.Signature("pals@example.org"));
        var (secret, hash) = Relais.Privacy.SupporterToken.NewSecret();
        await host.Data.QueryAsync(db =>
        {
            db.SupporterTokens.Add(new Relais.Privacy.SupporterToken
            {
                OrganizationId = organization.Id,
                SupporterId = relay.Id,
                Purpose = Relais.Privacy.SupporterTokenPurpose.Preferences,
                TokenHash = hash,
                ExpiresAt = DateTimeOffset.UtcNow.AddDays(1),
            });
            return db.SaveChangesAsync();
        });
        var browser = host.Browser();
        var form = await (await browser.GetAsync($"/preferences/{secret}")).Content.ReadAsStringAsync();
        Assert.Contains("value=\"Paloma M.\"", form);

        var saved = await browser.SubmitAsync($"/preferences/{secret}", new Dictionary<string, string> { ["ShowOnRelayBoard"] = "true", ["RelayBoardName"] = "" });

        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        Assert.Contains("Paloma M.", await (await host.Browser().GetAsync($"/c/{campaign.Slug}/relays")).Content.ReadAsStringAsync());
        await browser.SubmitAsync($"/preferences/{secret}", new Dictionary<string, string> { ["RelayBoardName"] = "Paloma M." });
        Assert.False(await host.Data.QueryAsync(db => db.Supporters.Where(s => s.Id == relay.Id).Select(s => s.ShowOnRelayBoard).SingleAsync()));
    }

    [Fact]
    public async Task Board_NobodyOptedIn_ShowsNobody()
    {
        host.SkipIfUnavailable();
        var organization = await host.Data.OrganizationAsync();
        var campaign = await host.Data.CampaignAsync(organization.Id);
        var relay = await host.RelayAsync(organization.Id, campaign.Slug, "quiet@example.org", "Quentina");
        var browser = host.Browser();
        await browser.GetAsync($"/r/{relay.Code}/{campaign.Slug}");
        await browser.SignAsync(campaign.Slug, Forms.Signature("friend@example.org"));

        var response = await host.Browser().GetAsync($"/c/{campaign.Slug}/relays");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var board = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("Quentina", board);
        Assert.Contains("Nobody is on the board yet.", board);
        Assert.Equal(HttpStatusCode.NotFound, (await host.Browser().GetAsync("/c/no-such-campaign/relays")).StatusCode);
    }
}

public sealed class ReportOnSqlite(SqliteHost host) : ReportTests(host), IClassFixture<SqliteHost>;

public sealed class ReportOnPostgres(PostgresHost host) : ReportTests(host), IClassFixture<PostgresHost>;
