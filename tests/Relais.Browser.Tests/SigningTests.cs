using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Relais.Browser.Tests;

/// <summary>A visitor signs a petition in a real browser, as they would from a link.</summary>
public sealed class SigningTests(RelaisServer server, Chromium chromium) : IClassFixture<RelaisServer>
{
    [Fact]
    public async Task Sign_FromHomePageInEnglish_ThanksAndCountRisesByOne()
    {
        const string slug = RelaisServer.Palidzesim;
        await using var context = await chromium.NewContextAsync("en-GB");
        var page = await context.NewPageAsync();

        await Browse.OpenAsync(page, server.Url("/"));
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");
        await Browse.FollowAsync(page, page.Locator($"main a[href='/c/{slug}']"));
        await Expect(page).ToHaveURLAsync(server.Url($"/c/{slug}"));
        var before = await PetitionPage.ReadCountAsync(page);
        Assert.True(before > 0, "the demo campaign should already have signatures");

        await PetitionPage.FillAsync(page, FormLabels.English, Signer.New("Ada"));
        var response = await PetitionPage.SubmitAsync(page, FormLabels.English);

        Assert.Equal(302, response.Status);
        await Expect(page).ToHaveURLAsync(new Regex($"/c/{slug}/thanks$"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Thank you for signing");

        await Browse.FollowAsync(page, page.GetByRole(AriaRole.Link, new() { Name = "Back to the campaign" }));
        await Expect(page).ToHaveURLAsync(server.Url($"/c/{slug}"));
        Assert.Equal(before + 1, await PetitionPage.ReadCountAsync(page));
    }

    [Fact]
    public async Task Sign_FrenchBrowser_FrenchThanksAndCountRisesByOne()
    {
        const string slug = RelaisServer.CriticalExposure;
        await using var context = await chromium.NewContextAsync("fr-FR");
        var page = await context.NewPageAsync();

        await Browse.OpenAsync(page, server.Url("/"));
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "fr");
        await Browse.FollowAsync(page, page.Locator($"main a[href='/c/{slug}']"));
        var before = await PetitionPage.ReadCountAsync(page);

        await PetitionPage.FillAsync(page, FormLabels.French, Signer.New("Amélie", country: "FR"));
        await PetitionPage.SubmitAsync(page, FormLabels.French);

        await Expect(page).ToHaveURLAsync(new Regex($"/c/{slug}/thanks$"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Merci d'avoir signé");

        await Browse.FollowAsync(page, page.GetByRole(AriaRole.Link, new() { Name = "Retour à la campagne" }));
        Assert.Equal(before + 1, await PetitionPage.ReadCountAsync(page));
    }

    [Fact]
    public async Task Sign_SameEmailOtherCaseAndSpaces_AlreadySignedAndCountUnchanged()
    {
        const string slug = RelaisServer.Palidzesim;
        await using var context = await chromium.NewContextAsync("en-GB");
        var page = await context.NewPageAsync();
        var signer = Signer.New("Grace");

        await Browse.OpenAsync(page, server.Url($"/c/{slug}"));
        await PetitionPage.FillAsync(page, FormLabels.English, signer);
        await PetitionPage.SubmitAsync(page, FormLabels.English);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Thank you for signing");

        await Browse.OpenAsync(page, server.Url($"/c/{slug}"));
        var afterFirst = await PetitionPage.ReadCountAsync(page);
        // A browser trims an <input type="email">; an older browser or a script posting the form
        // does not, so the field becomes plain text to send the spaces as typed.
        await page.GetByLabel("Email", new() { Exact = true }).EvaluateAsync("input => input.type = 'text'");
        await PetitionPage.FillAsync(page, FormLabels.English, signer with { Email = $"  {signer.Email.ToUpperInvariant()}  " });
        await PetitionPage.SubmitAsync(page, FormLabels.English);

        await Expect(page).ToHaveURLAsync(new Regex($"/c/{slug}/thanks\\?already=1$"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("You already signed");
        await Browse.OpenAsync(page, server.Url($"/c/{slug}"));
        Assert.Equal(afterFirst, await PetitionPage.ReadCountAsync(page));
    }

    [Fact]
    public async Task Sign_ConsentUnticked_FormReshownWith400AndTypedValues()
    {
        const string slug = RelaisServer.DayOfAction;
        await using var context = await chromium.NewContextAsync("en-GB");
        var page = await context.NewPageAsync();
        var signer = Signer.New("Linus", country: "BE");

        await Browse.OpenAsync(page, server.Url($"/c/{slug}"));
        var before = await PetitionPage.ReadCountAsync(page);
        await PetitionPage.FillAsync(page, FormLabels.English, signer, consent: false);
        var response = await PetitionPage.SubmitAsync(page, FormLabels.English);

        Assert.Equal(400, response.Status);
        await Expect(page).ToHaveURLAsync(server.Url($"/c/{slug}"));
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Your signature was not counted yet");
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Please tick the box to agree");
        var consent = page.GetByLabel(FormLabels.English.ConsentStart);
        await Expect(consent).Not.ToBeCheckedAsync();
        await Expect(consent).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(consent).ToHaveAccessibleDescriptionAsync(new Regex("Please tick the box to agree"));
        await Expect(page.GetByLabel("First name", new() { Exact = true })).ToHaveValueAsync(signer.FirstName);
        await Expect(page.GetByLabel("Last name", new() { Exact = true })).ToHaveValueAsync(signer.LastName);
        await Expect(page.GetByLabel("Email", new() { Exact = true })).ToHaveValueAsync(signer.Email);
        await Expect(page.GetByLabel("Postal code", new() { Exact = true })).ToHaveValueAsync(signer.PostalCode);
        await Expect(page.GetByLabel("Country", new() { Exact = true })).ToHaveValueAsync(signer.Country);
        Assert.Equal(before, await PetitionPage.ReadCountAsync(page));
    }
}
