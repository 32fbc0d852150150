using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Relais.Web.Campaigns;

namespace Relais.Web.Tests.Campaigns;

/// <summary>
/// The campaign page renders the parts every visitor shares once per key (CampaignPageFragments);
/// what belongs to one visitor or changes with every signature must still be theirs and current.
/// </summary>
public abstract class CampaignPageFragmentsTests(RelaisHost host)
{
    [Fact]
    public async Task CampaignPage_SharedPartsCached_EachVisitorStillGetsTheirCountryLanguageAndNavigation()
    {
        host.SkipIfUnavailable();
        var organization = await host.Data.OrganizationAsync();
        var campaign = await host.Data.CampaignAsync(organization.Id);

        var french = await PageAsync(host.Browser("fr-FR"), campaign.Slug);
        var belgian = await PageAsync(host.Browser("fr-BE"), campaign.Slug);
        var british = await PageAsync(host.Browser("en-GB"), campaign.Slug);
        var frenchAgain = await PageAsync(host.Browser("fr-FR"), campaign.Slug);
        var withQuery = await PageAsync(host.Browser("fr-FR"), campaign.Slug + "?utm_source=lettre");
        var organizer = await host.Browser("fr-FR").LoginAsync(organization.OrganizerEmail);
        var signedIn = await PageAsync(organizer, campaign.Slug);
        var anonymousAfter = await PageAsync(host.Browser("fr-FR"), campaign.Slug);

        Assert.Contains("value=\"FR\" selected>", french);
        Assert.Contains($"Titre {campaign.Slug}", french);
        Assert.Contains("value=\"BE\" selected>", belgian);
        Assert.DoesNotContain("value=\"FR\" selected>", belgian);
        Assert.Contains($"Titre {campaign.Slug}", belgian);
        Assert.Contains("value=\"GB\" selected>", british);
        Assert.DoesNotContain("value=\"FR\" selected>", british);
        Assert.Contains($"Title {campaign.Slug}", british);
        Assert.Contains("value=\"FR\" selected>", frenchAgain);
        Assert.DoesNotContain("value=\"GB\" selected>", frenchAgain);
        Assert.Contains("utm_source%3Dlettre", withQuery);
        Assert.DoesNotContain("utm_source", french);
        Assert.Contains("<a href=\"/admin/supporters\">", signedIn);
        Assert.DoesNotContain("<a href=\"/admin/supporters\">", anonymousAfter);
        Assert.Contains("href=\"/admin/login\"", anonymousAfter);
        Assert.Equal(7, new[] { french, belgian, british, frenchAgain, withQuery, signedIn, anonymousAfter }
            .Select(Forms.TokenOf).Distinct().Count());
    }

    [Fact]
    public async Task CampaignPage_SharedPartsCached_ShowTheCountAndAnEditAtOnce()
    {
        host.SkipIfUnavailable();
        var organization = await host.Data.OrganizationAsync();
        var campaign = await host.Data.CampaignAsync(organization.Id);
        var before = await PageAsync(host.Browser("fr-FR"), campaign.Slug);

        await host.Browser("fr-FR").SignAsync(campaign.Slug, Forms.Signature("lea@example.org", "Léa"));
        var signed = await PageAsync(host.Browser("fr-FR"), campaign.Slug);
        await host.Data.QueryAsync(db => db.CampaignTexts
            .Where(t => t.CampaignId == campaign.Id && t.Language == "fr")
            .ExecuteUpdateAsync(t => t.SetProperty(x => x.Title, "Sauvons la médiathèque")));
        host.Services.GetRequiredService<CampaignPages>().Forget(campaign.Slug);
        var edited = await PageAsync(host.Browser("fr-FR"), campaign.Slug);

        Assert.Contains("<span data-count>0</span>", before);
        Assert.Contains("<span data-count>1</span>", signed);
        Assert.Contains("<h1>Sauvons la médiathèque</h1>", edited);
        Assert.Contains("<meta property=\"og:title\" content=\"Sauvons la médiathèque\">", edited);
        Assert.DoesNotContain($"Titre {campaign.Slug}", edited);
        Assert.Contains("<span data-count>1</span>", edited);
    }

    private static async Task<string> PageAsync(HttpClient browser, string path)
    {
        var response = await browser.GetAsync($"/c/{path}");
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadAsStringAsync();
    }
}

public sealed class CampaignPageFragmentsOnSqlite(SqliteHost host) : CampaignPageFragmentsTests(host), IClassFixture<SqliteHost>;

public sealed class CampaignPageFragmentsOnPostgres(PostgresHost host) : CampaignPageFragmentsTests(host), IClassFixture<PostgresHost>;
