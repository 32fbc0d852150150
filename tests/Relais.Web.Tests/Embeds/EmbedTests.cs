using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Relais.Activities;

namespace Relais.Web.Tests.Embeds;

public abstract partial class EmbedTests(RelaisHost host)
{
    private const string Allowed = "https://example.org";

    [GeneratedRegex("name=\"token\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();

    [Fact]
    public async Task EmbedPages_AllowedOrigin_AreFramableByItOnly()
    {
        host.SkipIfUnavailable();
        var (_, campaign) = await ArrangeAsync();
        var browser = host.Browser();

        foreach (var page in new[] { $"/embed/{campaign.Slug}/form", $"/embed/{campaign.Slug}/counter" })
        {
            var response = await browser.GetAsync(page + "?parent=" + Uri.EscapeDataString(Allowed));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var policy = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
            Assert.Contains($"frame-ancestors 'self' {Allowed} http://127.0.0.1:8080;", policy);
            Assert.DoesNotContain("evil.example", policy);
            Assert.False(response.Headers.Contains("X-Frame-Options"));
        }
        var campaignPage = await browser.GetAsync($"/c/{campaign.Slug}");
        Assert.Contains("frame-ancestors 'self';", string.Join(";", campaignPage.Headers.GetValues("Content-Security-Policy")));
        Assert.Equal("SAMEORIGIN", campaignPage.Headers.GetValues("X-Frame-Options").Single());
    }

    [Fact]
    public async Task EmbedSign_AllowedParentWithoutCookies_CreditsTheSite()
    {
        host.SkipIfUnavailable();
        var (_, campaign) = await ArrangeAsync();
        // A cross-site frame gets no cookies: this client keeps none.
        var frame = host.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = false, AllowAutoRedirect = false });
        frame.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");
        var url = $"/embed/{campaign.Slug}/form?parent=" + Uri.EscapeDataString(Allowed);

        var response = await frame.PostAsync(url, await FieldsAsync(frame, url, "framed@example.org", Allowed));

        var html = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, html);
        Assert.Contains("Thank you for signing", html);
        Assert.Contains($"href=\"/c/{campaign.Slug}/thanks\" target=\"_blank\"", html);
        var source = await host.Data.QueryAsync(db => db.Activities
            .Where(a => a.ActionId == campaign.PetitionId && a.Type == ActivityType.Signed).Select(a => a.Source).SingleAsync());
        Assert.Equal("embed:" + Allowed, source);
    }

    [Fact]
    public async Task EmbedSign_NotAllowedParent_Returns400AndStoresNothing()
    {
        host.SkipIfUnavailable();
        var (_, campaign) = await ArrangeAsync();
        var frame = host.Browser();
        var url = $"/embed/{campaign.Slug}/form?parent=" + Uri.EscapeDataString(Allowed);
        var fields = await FieldsAsync(frame, url, "evil@example.org", "https://evil.example");

        var response = await frame.PostAsync($"/embed/{campaign.Slug}/form", fields);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("not allowed to show this petition", await response.Content.ReadAsStringAsync());
        Assert.Equal(0, await host.Data.SignaturesAsync(campaign.PetitionId));
    }

    [Fact]
    public async Task EmbedSign_TokenOfAnotherSite_Returns400AndStoresNothing()
    {
        host.SkipIfUnavailable();
        var (_, campaign) = await ArrangeAsync();
        var frame = host.Browser();
        // A token issued for a plain iframe (no site) does not credit a site.
        var fields = await FieldsAsync(frame, $"/embed/{campaign.Slug}/form", "forged@example.org", Allowed);

        var response = await frame.PostAsync($"/embed/{campaign.Slug}/form", fields);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Your form had expired", await response.Content.ReadAsStringAsync());
        Assert.Equal(0, await host.Data.SignaturesAsync(campaign.PetitionId));
    }

    [Fact]
    public async Task Settings_BadEmbedOrigins_Returns400InFrenchAndKeepsTheOldList()
    {
        host.SkipIfUnavailable();
        var (organization, _) = await ArrangeAsync();
        var organizer = await host.Browser("fr-FR").LoginAsync(organization.OrganizerEmail);

        foreach (var bad in new[] { "https://example.org/petitions", "https://*.example.org", "example.org", "https://a.org 'unsafe-inline'" })
        {
            var response = await organizer.SubmitAsync("/admin/settings", Settings(organization.Slug, bad));

            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Contains("sans chemin ni joker", Html.Text(await response.Content.ReadAsStringAsync()));
        }
        Assert.Equal($"{Allowed}\nhttp://127.0.0.1:8080", await OriginsAsync(organization.Id));
    }

    [Fact]
    public async Task Settings_Origins_AreNormalizedAndFrameTheEmbedsAtOnce()
    {
        host.SkipIfUnavailable();
        var (organization, campaign) = await ArrangeAsync();
        var organizer = await host.Browser().LoginAsync(organization.OrganizerEmail);
        var browser = host.Browser();
        await browser.GetAsync($"/embed/{campaign.Slug}/counter");

        var response = await organizer.SubmitAsync("/admin/settings", Settings(organization.Slug, " HTTPS://Campaign.Example:443/ \r\nhttp://localhost:3000"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("https://campaign.example\nhttp://localhost:3000", await OriginsAsync(organization.Id));
        var framed = await browser.GetAsync($"/embed/{campaign.Slug}/counter");
        Assert.Contains("frame-ancestors 'self' https://campaign.example http://localhost:3000;", string.Join(";", framed.Headers.GetValues("Content-Security-Policy")));
    }

    [Fact]
    public async Task CampaignAdmin_PublishedPetition_ShowsTheSnippets()
    {
        host.SkipIfUnavailable();
        var (organization, campaign) = await ArrangeAsync();
        var organizer = await host.Browser().LoginAsync(organization.OrganizerEmail);

        var html = await organizer.GetStringAsync($"/admin/campaigns/{campaign.Id}/edit");

        Assert.Contains($"data-relais=\"http://localhost:5080/embed/{campaign.Slug}/form\"", System.Net.WebUtility.HtmlDecode(html));
        Assert.Contains("/js/embed.js", html);
    }

    private async Task<(SeededOrganization, SeededCampaign)> ArrangeAsync()
    {
        var organization = await host.Data.OrganizationAsync();
        var campaign = await host.Data.CampaignAsync(organization.Id);
        await host.Data.QueryAsync(db => db.Organizations.Where(o => o.Id == organization.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(o => o.EmbedOrigins, $"{Allowed}\nhttp://127.0.0.1:8080")));
        return (organization, campaign);
    }

    private async Task<FormUrlEncodedContent> FieldsAsync(HttpClient frame, string url, string email, string parent)
    {
        var html = await frame.GetStringAsync(url);
        var token = WebUtility.HtmlDecode(TokenPattern().Match(html).Groups[1].Value);
        Assert.NotEmpty(token);
        var fields = Forms.Signature(email);
        fields["parent"] = parent;
        fields["token"] = token;
        return new FormUrlEncodedContent(fields);
    }

    private Task<string> OriginsAsync(Guid organizationId) =>
        host.Data.QueryAsync(db => db.Organizations.Where(o => o.Id == organizationId).Select(o => o.EmbedOrigins).SingleAsync());

    private static Dictionary<string, string> Settings(string name, string origins) => new()
    {
        ["Input.Name"] = name,
        ["Input.ConsentWordingFr"] = "J'accepte",
        ["Input.ConsentWordingEn"] = "I agree",
        ["Input.RetentionMonths"] = "36",
        ["Input.EmbedOrigins"] = origins,
    };
}

public sealed class EmbedTestsOnSqlite(SqliteHost host) : EmbedTests(host), IClassFixture<SqliteHost>;

public sealed class EmbedTestsOnPostgres(PostgresHost host) : EmbedTests(host), IClassFixture<PostgresHost>;
