using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Relais.Activities;
using Relais.Data;
using Relais.Sharing;
using static Microsoft.Playwright.Assertions;

namespace Relais.Browser.Tests;

/// <summary>
/// After signing, the share kit builds each network's share address as the supporter edits the
/// text. The networks are never reached: addresses are read from the page, and the one opened is
/// answered by the test.
/// </summary>
public sealed partial class ShareKitTests(RelaisServer server, Chromium chromium) : IClassFixture<RelaisServer>
{
    // Accents, an emoji, a hashtag, an ampersand and a new line: what encoding usually breaks.
    private const string Edited = "In my own words: élan & joie 🎉\n#palidzesim";

    [GeneratedRegex(@"^http://localhost:5080/r/[A-Za-z0-9_-]{22}/palidzesim-couches\?n=[a-z]+$")]
    private static partial Regex RelayLink();

    [Fact]
    public async Task EditPost_EveryNetwork_ShareLinkCarriesTheTextAndThePersonalLink()
    {
        await using var context = await chromium.NewContextAsync("en-GB");
        var page = await SignedThanksAsync(context);

        foreach (var network in ShareNetworks.All)
        {
            var section = page.Locator($"details[data-network='{network}']");
            await section.Locator("summary").ClickAsync();
            var form = section.Locator("form[data-share]").First;
            var link = form.Locator("a[data-share-link]");
            await Expect(form.Locator("[data-share-submit]")).ToBeHiddenAsync();
            await Expect(link).ToBeVisibleAsync();
            string? instance = null;
            if (network == ShareNetworks.Mastodon)
            {
                await Expect(link).ToHaveAttributeAsync("aria-disabled", "true");
                instance = "Piaille.fr";
                await form.GetByLabel("Your Mastodon server").FillAsync(instance);
            }

            await form.Locator("textarea").FillAsync(Edited);

            var personal = await form.GetAttributeAsync("data-link");
            Assert.Matches(RelayLink(), personal);
            Assert.EndsWith("?n=" + network, personal);
            var subject = await form.GetAttributeAsync("data-subject") ?? "";
            var expected = ShareUrls.For(network, Edited, personal!, subject, instance);
            Assert.NotNull(expected);
            Assert.Equal(expected, await link.GetAttributeAsync("href"));
        }
    }

    [Fact]
    public async Task ShareLink_Clicked_OpensTheNetworkAndRecordsTheShare()
    {
        await using var context = await chromium.NewContextAsync("en-GB");
        var opened = new List<string>();
        await context.RouteAsync("https://bsky.app/**", async route =>
        {
            opened.Add(route.Request.Url);
            await route.FulfillAsync(new() { Status = 200, ContentType = "text/html", Body = "<title>compose</title>" });
        });
        var page = await SignedThanksAsync(context);
        var section = page.Locator("details[data-network='bluesky']");
        await section.Locator("summary").ClickAsync();
        var form = section.Locator("form[data-share]").First;
        await form.Locator("textarea").FillAsync(Edited);
        var href = await form.Locator("a[data-share-link]").GetAttributeAsync("href");

        var record = page.WaitForResponseAsync(r => r.Url.Contains("handler=Record", StringComparison.Ordinal));
        var popup = await context.RunAndWaitForPageAsync(() => form.Locator("a[data-share-link]").ClickAsync());
        await popup.WaitForLoadStateAsync();

        Assert.Equal(204, (await record).Status);
        Assert.Equal(href, Assert.Single(opened));
        var shares = await CountSharesAsync("bluesky");
        Assert.Equal(1, shares);
    }

    private async Task<IPage> SignedThanksAsync(IBrowserContext context)
    {
        var page = await context.NewPageAsync();
        await Browse.OpenAsync(page, server.Url($"/c/{RelaisServer.Palidzesim}"));
        await PetitionPage.FillAsync(page, FormLabels.English, Signer.New("Relay"));
        await PetitionPage.SubmitAsync(page, FormLabels.English);
        await Expect(page).ToHaveURLAsync(new Regex($"/c/{RelaisServer.Palidzesim}/thanks$"));
        return page;
    }

    private async Task<int> CountSharesAsync(string network)
    {
        await using var scope = server.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RelaisDb>();
        return await db.Activities.CountAsync(a => a.Type == ActivityType.Shared && a.Source == network);
    }
}
