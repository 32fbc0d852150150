using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Relais.Activities;
using Relais.Data;
using Relais.Web.Embeds;
using static Microsoft.Playwright.Assertions;

namespace Relais.Browser.Tests;

/// <summary>Live counters and embeds in a real browser, with signatures made by someone else over HTTP.</summary>
public sealed partial class LiveAndEmbedTests(RelaisServer server, Chromium chromium) : IClassFixture<RelaisServer>
{
    [GeneratedRegex("name=\"__af\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();

    [Fact]
    public async Task CampaignPage_SomeoneElseSigns_CountRisesWithoutReload()
    {
        const string slug = RelaisServer.DayOfAction;
        await using var context = await chromium.NewContextAsync("en-GB");
        var page = await context.NewPageAsync();
        await Browse.OpenAsync(page, server.Url($"/c/{slug}"));
        var before = await PetitionPage.ReadCountAsync(page);
        await Expect(page.Locator("h2.count")).ToHaveAttributeAsync("aria-live", "polite");

        await SignOverHttpAsync(slug, Signer.New("Remote"));

        // The issue asks for the new count within a second of the signature.
        await Expect(page.Locator("[data-count]")).ToHaveTextAsync(
            (before + 1).ToString("N0", CultureInfo.GetCultureInfo("en-GB")), new() { Timeout = 1_000 });
        await Expect(page.Locator("progress").First).ToHaveAttributeAsync("value", new Regex(@"^\d+$"));
    }

    [Fact]
    public async Task RelayBoard_SomeoneSignsThroughAnOptedInRelay_BoardShowsItWithoutReload()
    {
        const string slug = RelaisServer.DayOfAction;
        var name = "Board relay " + Guid.NewGuid().ToString("N")[..6];
        var campaignId = await QueryAsync(db => db.Campaigns.Where(c => c.Slug == slug).Select(c => c.Id).SingleAsync());
        var relay = await QueryAsync(db => db.Activities
            .Where(a => a.CampaignId == campaignId && a.Type == ActivityType.Signed
                && db.Supporters.Any(s => s.Id == a.SupporterId && !s.ShowOnRelayBoard))
            .Select(a => a.SupporterId).FirstAsync());
        await QueryAsync(db => db.Supporters.Where(s => s.Id == relay)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.ShowOnRelayBoard, true).SetProperty(x => x.RelayBoardName, name)));
        await using var context = await chromium.NewContextAsync("en-GB");
        var page = await context.NewPageAsync();
        await Browse.OpenAsync(page, server.Url($"/c/{slug}/relays"));
        await Expect(page.Locator("#relay-board-list")).Not.ToContainTextAsync(name);

        await SignOverHttpAsync(slug, Signer.New("Brought"), relayCode: Relais.Messaging.RelayCode.For(relay));

        // The count event arrives at once; the board is fetched again a few seconds later.
        await Expect(page.Locator("#relay-board-list li").Filter(new() { HasText = name }))
            .ToContainTextAsync("people brought: 1", new() { Timeout = 15_000 });
    }

    [Fact]
    public async Task Embed_OnAnAllowedSite_SignsAndIsCreditedToIt()
    {
        const string slug = RelaisServer.Palidzesim;
        await using var site = await StaticSite.StartAsync(origin => Embedding(slug, origin));
        await AllowAsync(slug, site.Origin);
        await using var context = await chromium.NewContextAsync("en-GB");
        var page = await context.NewPageAsync();
        var signer = Signer.New("Framed");

        await page.GotoAsync(site.Origin + "/");
        var frame = page.FrameLocator("iframe");
        await frame.GetByLabel(FormLabels.English.FirstName, new() { Exact = true }).FillAsync(signer.FirstName);
        await frame.GetByLabel(FormLabels.English.LastName, new() { Exact = true }).FillAsync(signer.LastName);
        await frame.GetByLabel(FormLabels.English.Email, new() { Exact = true }).FillAsync(signer.Email);
        await frame.GetByLabel(FormLabels.English.PostalCode, new() { Exact = true }).FillAsync(signer.PostalCode);
        await frame.GetByLabel(FormLabels.English.Country, new() { Exact = true }).SelectOptionAsync(signer.Country);
        await frame.GetByLabel(FormLabels.English.ConsentStart).CheckAsync();
        await frame.GetByRole(AriaRole.Button, new() { Name = FormLabels.English.Sign, Exact = true }).ClickAsync();

        await Expect(frame.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Thank you for signing");
        await Expect(frame.GetByRole(AriaRole.Link, new() { Name = "Share the petition and see what happens next" }))
            .ToHaveAttributeAsync("target", "_blank");
        // embed.js sized the frame from the height the framed page posted (it starts at 640px).
        await Expect(page.Locator("iframe")).Not.ToHaveAttributeAsync("style", new Regex("height: 640px"));
        var source = await QueryAsync(db => db.Activities
            .Where(a => a.Type == ActivityType.Signed && db.Supporters.Any(s => s.Id == a.SupporterId && s.NormalizedEmail == signer.Email))
            .Select(a => a.Source).SingleAsync());
        Assert.Equal("embed:" + site.Origin, source);
    }

    [Fact]
    public async Task Embed_OnASiteNotAllowed_IsBlockedByTheBrowser()
    {
        const string slug = RelaisServer.CriticalExposure;
        await using var allowed = await StaticSite.StartAsync(_ => "<p>allowed</p>");
        await AllowAsync(slug, allowed.Origin);
        // The other site even claims to be the allowed one: the browser still refuses to frame the form.
        var form = server.Url($"/embed/{slug}/form?parent=" + Uri.EscapeDataString(allowed.Origin));
        await using var other = await StaticSite.StartAsync(_ =>
            $"<!DOCTYPE html><html><body><h1>Not allowed</h1><iframe title=\"Petition\" src=\"{form}\"></iframe></body></html>");
        await using var context = await chromium.NewContextAsync("en-GB");
        var page = await context.NewPageAsync();

        await page.GotoAsync(other.Origin + "/");
        var frame = page.Frames.Single(f => f != page.MainFrame);
        await frame.WaitForLoadStateAsync();

        Assert.Equal(0, await frame.Locator("input[name='Form.Email']").CountAsync());
        Assert.Equal(0, await page.FrameLocator("iframe").GetByLabel(FormLabels.English.Email, new() { Exact = true }).CountAsync());
    }

    private string Embedding(string slug, string origin) =>
        "<!DOCTYPE html><html lang=\"en\"><head><title>A partner site</title></head><body><h1>Partner " + origin + "</h1>" +
        $"<script src=\"{server.Url("/js/embed.js")}\" data-relais=\"{server.Url($"/embed/{slug}/form")}\" data-title=\"Petition\"></script>" +
        "</body></html>";

    private async Task AllowAsync(string slug, string origin)
    {
        var organizationId = await QueryAsync(db => db.Campaigns.Where(c => c.Slug == slug).Select(c => c.OrganizationId).SingleAsync());
        await QueryAsync(db => db.Organizations.Where(o => o.Id == organizationId)
            .ExecuteUpdateAsync(s => s.SetProperty(o => o.EmbedOrigins, origin)));
        server.Services.GetRequiredService<EmbedSites>().Forget(organizationId);
    }

    private async Task<T> QueryAsync<T>(Func<RelaisDb, Task<T>> query)
    {
        await using var scope = server.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<RelaisDb>());
    }

    /// <summary>Someone else signs, as a browser without JavaScript would: page, token, post.</summary>
    private async Task SignOverHttpAsync(string slug, Signer signer, string? relayCode = null)
    {
        using var handler = new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false };
        using var client = new HttpClient(handler) { BaseAddress = server.BaseAddress };
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");
        var html = await client.GetStringAsync($"/c/{slug}");
        var token = WebUtility.HtmlDecode(TokenPattern().Match(html).Groups[1].Value);
        var fields = new Dictionary<string, string>
        {
            ["Form.FirstName"] = signer.FirstName,
            ["Form.LastName"] = signer.LastName,
            ["Form.Email"] = signer.Email,
            ["Form.PostalCode"] = signer.PostalCode,
            ["Form.Country"] = signer.Country,
            ["Form.Consent"] = "true",
            ["__af"] = token,
        };
        if (relayCode is not null)
        {
            fields["ref"] = relayCode;
        }
        var response = await client.PostAsync($"/c/{slug}", new FormUrlEncodedContent(fields));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    /// <summary>Another web site on its own loopback port, serving one page.</summary>
    private sealed class StaticSite(WebApplication app, string origin) : IAsyncDisposable
    {
        public string Origin { get; } = origin;

        public static async Task<StaticSite> StartAsync(Func<string, string> html)
        {
            var builder = WebApplication.CreateSlimBuilder();
            builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
            var app = builder.Build();
            string? origin = null;
            app.MapGet("/", () => Results.Content(html(origin!), "text/html; charset=utf-8"));
            await app.StartAsync();
            var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
            origin = address.TrimEnd('/');
            return new StaticSite(app, origin);
        }

        public async ValueTask DisposeAsync()
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }
    }
}
