using System.Net;
using Microsoft.EntityFrameworkCore;

namespace Relais.Web.Tests.Admin;

/// <summary>An organizer of one organization can neither see nor change another's campaigns or signers.</summary>
public abstract class TenantIsolationTests(RelaisHost host)
{
    [Fact]
    public async Task OtherOrganizationsOrganizer_CannotSeeOrChangeCampaignsOrSigners()
    {
        host.SkipIfUnavailable();
        var victim = await host.Data.OrganizationAsync("Victim");
        var campaign = await host.Data.CampaignAsync(victim.Id, published: false);
        var draftTitle = $"Title {campaign.Slug}";
        await host.Browser().SignAsync((await host.Data.CampaignAsync(victim.Id)).Slug, Forms.Signature("secret@example.org"));
        var intruder = await host.Data.OrganizationAsync("Intruder");
        var browser = await host.Browser().LoginAsync(intruder.OrganizerEmail);
        var ownCampaign = await host.Data.CampaignAsync(intruder.Id);
        var ownEdit = $"/admin/campaigns/{ownCampaign.Id}/edit";
        var editUrl = $"/admin/campaigns/{campaign.Id}/edit";

        var dashboard = await (await browser.GetAsync("/admin")).Content.ReadAsStringAsync();
        Assert.DoesNotContain(draftTitle, dashboard);
        Assert.Contains($"Title {ownCampaign.Slug}", dashboard);
        Assert.Equal(HttpStatusCode.NotFound, (await browser.GetAsync(editUrl)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await browser.GetAsync($"/admin/campaigns/{campaign.Id}/signers")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await browser.GetAsync($"/admin/campaigns/{campaign.Id}/signers.csv")).StatusCode);

        // Forms posted with the intruder's own valid token, aimed at the victim's campaign.
        var publish = await browser.SubmitAsync(ownEdit, [], editUrl + "?handler=Publish");
        var save = await browser.SubmitAsync(ownEdit, new Dictionary<string, string>
        {
            ["Input.Slug"] = "hijacked-" + campaign.Slug,
            ["Input.Languages"] = "en",
            ["Input.HasPetition"] = "true",
            ["Input.PetitionGoal"] = "1",
            ["Input.En.Title"] = "Hijacked",
        }, editUrl + "?handler=Save");

        Assert.Equal(HttpStatusCode.NotFound, publish.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, save.StatusCode);
        var stored = await host.Data.QueryAsync(db => db.Campaigns.Include(c => c.Texts).SingleAsync(c => c.Id == campaign.Id));
        Assert.Equal((campaign.Slug, false, victim.Id), (stored.Slug, stored.IsPublished, stored.OrganizationId));
        Assert.DoesNotContain(stored.Texts, t => t.Title == "Hijacked");
        Assert.False(await host.Data.QueryAsync(db => db.Campaigns.AnyAsync(c => c.Slug.StartsWith("hijacked-"))));
    }

    [Fact]
    public async Task AnonymousVisitor_IsSentToLoginForEveryAdminPageAndExport()
    {
        host.SkipIfUnavailable();
        var organization = await host.Data.OrganizationAsync();
        var campaign = await host.Data.CampaignAsync(organization.Id);
        var browser = host.Browser();

        foreach (var url in new[] { "/admin", "/admin/campaigns/new", $"/admin/campaigns/{campaign.Id}/edit", $"/admin/campaigns/{campaign.Id}/signers", $"/admin/campaigns/{campaign.Id}/signers.csv" })
        {
            var response = await browser.GetAsync(url);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Equal("/admin/login", response.Headers.Location?.AbsolutePath);
        }
    }
}

public sealed class TenantIsolationOnSqlite(SqliteHost host) : TenantIsolationTests(host), IClassFixture<SqliteHost>;

public sealed class TenantIsolationOnPostgres(PostgresHost host) : TenantIsolationTests(host), IClassFixture<PostgresHost>;
