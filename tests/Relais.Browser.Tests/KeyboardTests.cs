using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Relais.Browser.Tests;

/// <summary>The petition works on a small phone with the keyboard alone.</summary>
public sealed class KeyboardTests(RelaisServer server, Chromium chromium) : IClassFixture<RelaisServer>
{
    private static readonly ViewportSize Phone = new() { Width = 390, Height = 844 };

    [Fact]
    public async Task Sign_KeyboardOnlyOnSmallPhone_LandsOnThanks()
    {
        const string slug = RelaisServer.CriticalExposure;
        await using var context = await chromium.NewContextAsync("en-GB", Phone);
        var page = await context.NewPageAsync();
        await Browse.OpenAsync(page, server.Url($"/c/{slug}"));
        var before = await PetitionPage.ReadCountAsync(page);

        var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
        Assert.True(overflow <= 0, $"the page scrolls sideways by {overflow}px on a {Phone.Width}px wide phone");

        // The first Tab reaches the skip link; then Tab goes through the page to the form.
        await page.Keyboard.PressAsync("Tab");
        await Expect(page.Locator(":focus")).ToHaveTextAsync("Skip to content");
        for (var presses = 0; presses < 100 && await FocusedIdAsync(page) != "Form_FirstName"; presses++)
        {
            await page.Keyboard.PressAsync("Tab");
        }
        Assert.Equal("Form_FirstName", await FocusedIdAsync(page));

        await page.Keyboard.TypeAsync("Kim");
        await TabToAsync(page, "Form_LastName");
        await page.Keyboard.TypeAsync("Keyboard");
        await TabToAsync(page, "Form_Email");
        await page.Keyboard.TypeAsync($"kim.{Guid.NewGuid():N}@example.org");
        await TabToAsync(page, "Form_PostalCode");
        await page.Keyboard.TypeAsync("SW1A 1AA");
        await TabToAsync(page, "Form_Country");
        await page.Keyboard.TypeAsync("France");
        await Expect(page.Locator("#Form_Country")).ToHaveValueAsync("FR");
        await TabToAsync(page, "Form_Comment");
        await page.Keyboard.TypeAsync("Typed without a mouse.");
        await TabToAsync(page, "Form_Consent");
        await page.Keyboard.PressAsync("Space");
        await Expect(page.Locator("#Form_Consent")).ToBeCheckedAsync();
        // The newsletter box comes next and stays unticked: signing never opts in.
        await TabToAsync(page, "Form_EmailUpdates");
        await Expect(page.Locator("#Form_EmailUpdates")).Not.ToBeCheckedAsync();
        await page.Keyboard.PressAsync("Tab");
        await Expect(page.Locator(":focus")).ToHaveAttributeAsync("type", "submit");
        await page.Keyboard.PressAsync("Enter");

        await Expect(page).ToHaveURLAsync(new Regex($"/c/{slug}/thanks$"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Thank you for signing");
        await Browse.OpenAsync(page, server.Url($"/c/{slug}"));
        Assert.Equal(before + 1, await PetitionPage.ReadCountAsync(page));
    }

    private static Task<string> FocusedIdAsync(IPage page) =>
        page.EvaluateAsync<string>("() => document.activeElement ? document.activeElement.id : ''");

    private static async Task TabToAsync(IPage page, string expectedId)
    {
        await page.Keyboard.PressAsync("Tab");
        Assert.Equal(expectedId, await FocusedIdAsync(page));
    }
}
