using System.Net;
using Microsoft.EntityFrameworkCore;
using Relais.Outbox;
using Relais.Web.Tests.Privacy;

namespace Relais.Web.Tests.Messages;

/// <summary>Previewing a message as any supporter, and sending a test of it to oneself.</summary>
public abstract class PreviewTests
{
    private readonly RelaisHost _host;

    protected PreviewTests(RelaisHost host)
    {
        _host = host;
        Mailbox.UseSink(host);
    }

    [Fact]
    public async Task Preview_AsSupporter_ShowsTheirLanguageAndValues()
    {
        _host.SkipIfUnavailable();
        var organization = await _host.Data.OrganizationAsync();
        var campaign = await _host.Data.CampaignAsync(organization.Id);
        var id = await _host.MessageAsync(organization.Id, body: "Hello {{ first_name | friend }}, [share]({{ relay_link }}) <script>alert(1)</script>", campaignId: campaign.Id);
        var ana = await _host.SupporterAsync(organization.Id, $"ana-{organization.Slug}@example.org", "Ana", "fr");
        var bob = await _host.SupporterAsync(organization.Id, $"bob-{organization.Slug}@example.org", "Bob", "en");
        var browser = await _host.Browser().LoginAsync(organization.ViewerEmail);
        var url = $"/admin/messages/{id}/preview";

        var search = await browser.GetStringAsync($"{url}?q=ana-");
        var asAna = Html.Text(await browser.GetStringAsync($"{url}?supporter={ana.Id}"));
        var asBob = Html.Text(await browser.GetStringAsync($"{url}?supporter={bob.Id}"));
        var frame = await browser.GetAsync($"/admin/messages/{id}/preview.html?supporter={bob.Id}");

        Assert.Contains($"{url}?supporter={ana.Id}", search);
        Assert.DoesNotContain(bob.Email, search);
        Assert.Contains("Des nouvelles", asAna);
        Assert.Contains("Bonjour Ana, Hello Ana", asAna);
        Assert.Contains("News", asBob);
        Assert.Contains("Read on", asBob);
        Assert.Contains("Hello Bob, share (https://relais.example.org/c/" + campaign.Slug + "?ref=", asBob);
        Assert.Equal(HttpStatusCode.OK, frame.StatusCode);
        var csp = frame.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("default-src 'none'", csp);
        Assert.Contains("sandbox", csp);
        var html = await frame.Content.ReadAsStringAsync();
        Assert.Contains("Hello Bob", html);
        Assert.Contains("<html lang=\"en\">", html);
        Assert.DoesNotContain("<script", html);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", html);
    }

    [Fact]
    public async Task Preview_SupporterWithoutTheirLanguage_GetsTheOtherVersion()
    {
        _host.SkipIfUnavailable();
        var organization = await _host.Data.OrganizationAsync();
        var id = await _host.MessageAsync(organization.Id);
        await _host.Data.QueryAsync(db => db.MessageVersions.Where(v => v.MessageId == id && v.Language == "fr").ExecuteDeleteAsync());
        var ana = await _host.SupporterAsync(organization.Id, $"ana-{organization.Slug}@example.org", "Ana", "fr");
        var browser = await _host.Browser().LoginAsync(organization.OrganizerEmail);

        var page = Html.Text(await browser.GetStringAsync($"/admin/messages/{id}/preview?supporter={ana.Id}"));

        Assert.Contains("Hello Ana", page);
        Assert.Contains("English", page);
    }

    [Fact]
    public async Task Preview_OtherOrganizationsSupporterOrMessage_NotFound()
    {
        _host.SkipIfUnavailable();
        var organization = await _host.Data.OrganizationAsync();
        var other = await _host.Data.OrganizationAsync();
        var id = await _host.MessageAsync(organization.Id);
        var otherMessage = await _host.MessageAsync(other.Id);
        var stranger = await _host.SupporterAsync(other.Id, $"zed-{other.Slug}@example.org", "Zed", "en");
        var browser = await _host.Browser().LoginAsync(organization.OrganizerEmail);

        Assert.Equal(HttpStatusCode.NotFound, (await browser.GetAsync($"/admin/messages/{id}/preview?supporter={stranger.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await browser.GetAsync($"/admin/messages/{id}/preview.html?supporter={stranger.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await browser.GetAsync($"/admin/messages/{otherMessage}/preview")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await browser.GetAsync($"/admin/messages/{otherMessage}/preview.html")).StatusCode);
        Assert.DoesNotContain(stranger.Email, await browser.GetStringAsync($"/admin/messages/{id}/preview?q=zed"));
    }

    [Fact]
    public async Task TestSend_AsSupporter_ReachesTheOrganizerWithTestSubjectAndTheirValues()
    {
        _host.SkipIfUnavailable();
        Mailbox.SkipIfUnavailable();
        var organization = await _host.Data.OrganizationAsync();
        var id = await _host.MessageAsync(organization.Id, body: "Hello {{ first_name | friend }}, **welcome**");
        var bob = await _host.SupporterAsync(organization.Id, $"bob-{organization.Slug}@example.org", "Bob", "en");
        var browser = await _host.Browser().LoginAsync(organization.OrganizerEmail);
        var url = $"/admin/messages/{id}/preview";

        var response = await browser.SubmitAsync($"{url}?supporter={bob.Id}", new Dictionary<string, string> { ["supporter"] = bob.Id.ToString() }, $"{url}?handler=Test");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var email = await Mailbox.WaitForAsync(organization.OrganizerEmail);
        Assert.Equal("[Test] News", email.Subject);
        Assert.Contains("Hello Bob, **welcome**", email.Text);
        Assert.Contains("Hello Bob, <strong>welcome</strong>", email.Html);
        Assert.Equal(0, Mailbox.Count(bob.Email));
        Assert.Equal(1, await _host.Data.QueryAsync(db => db.OutboxMessages.CountAsync(m => m.OrganizationId == organization.Id && m.Kind == "email.message-test")));
    }

    [Fact]
    public async Task TestSend_Viewer_IsRefused()
    {
        _host.SkipIfUnavailable();
        var organization = await _host.Data.OrganizationAsync();
        var id = await _host.MessageAsync(organization.Id);
        var browser = await _host.Browser().LoginAsync(organization.ViewerEmail);
        var url = $"/admin/messages/{id}/preview";
        var token = await browser.TokenAsync("/admin/messages/" + id);

        var response = await browser.PostAsync($"{url}?handler=Test", new FormUrlEncodedContent([new("__af", token)]));

        Assert.StartsWith("/admin/denied", response.Headers.Location?.AbsolutePath);
        Assert.False(await _host.Data.QueryAsync(db => db.OutboxMessages.AnyAsync(m => m.OrganizationId == organization.Id && m.Kind == "email.message-test")));
    }
}

public sealed class PreviewOnSqlite(SqliteHost host) : PreviewTests(host), IClassFixture<SqliteHost>;

public sealed class PreviewOnPostgres(PostgresHost host) : PreviewTests(host), IClassFixture<PostgresHost>;
