using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Relais.Browser.Tests;

/// <summary>The header's language link switches the whole site, and the choice is remembered.</summary>
public sealed class LanguageSwitchTests(RelaisServer server, Chromium chromium) : IClassFixture<RelaisServer>
{
    [Fact]
    public async Task SwitchLanguage_HeaderLink_PageChangesAndChoiceSticks()
    {
        const string slug = RelaisServer.DayOfAction;
        await using var context = await chromium.NewContextAsync("en-GB");
        var page = await context.NewPageAsync();
        var html = page.Locator("html");
        var h1 = page.GetByRole(AriaRole.Heading, new() { Level = 1 });

        await Browse.OpenAsync(page, server.Url("/"));
        await Expect(html).ToHaveAttributeAsync("lang", "en");
        await Expect(h1).ToHaveTextAsync("Campaigns");

        await Browse.FollowAsync(page, page.GetByRole(AriaRole.Link, new() { Name = "Français", Exact = true }));
        await Expect(page).ToHaveURLAsync(server.Url("/"));
        await Expect(html).ToHaveAttributeAsync("lang", "fr");
        await Expect(h1).ToHaveTextAsync("Campagnes");

        // The next page stays in French although the browser asks for English.
        await Browse.FollowAsync(page, page.Locator($"main a[href='/c/{slug}']"));
        await Expect(page).ToHaveURLAsync(server.Url($"/c/{slug}"));
        await Expect(html).ToHaveAttributeAsync("lang", "fr");
        await Expect(page.GetByLabel(FormLabels.French.FirstName, new() { Exact = true })).ToBeVisibleAsync();
        await Expect(PetitionPage.SubmitButton(page, FormLabels.French)).ToBeVisibleAsync();

        // And back: the link returns to the same page, now in English, and that sticks too.
        await Browse.FollowAsync(page, page.GetByRole(AriaRole.Link, new() { Name = "English", Exact = true }));
        await Expect(page).ToHaveURLAsync(server.Url($"/c/{slug}"));
        await Expect(html).ToHaveAttributeAsync("lang", "en");
        await Expect(page.GetByLabel(FormLabels.English.FirstName, new() { Exact = true })).ToBeVisibleAsync();
        await Browse.OpenAsync(page, server.Url("/"));
        await Expect(html).ToHaveAttributeAsync("lang", "en");
        await Expect(h1).ToHaveTextAsync("Campaigns");
    }
}
