using System.Globalization;
using Microsoft.Playwright;

namespace Relais.Browser.Tests;

/// <summary>The visible labels of the petition form in one language.</summary>
public sealed record FormLabels(
    string FirstName, string LastName, string Email, string PostalCode, string Country, string ConsentStart, string Sign)
{
    public static readonly FormLabels English = new("First name", "Last name", "Email", "Postal code", "Country", "I agree that", "Sign");

    public static readonly FormLabels French = new("Prénom", "Nom", "Adresse e-mail", "Code postal", "Pays", "J'accepte que", "Signer");
}

/// <summary>Someone who signs; a unique email per test run keeps the tests independent.</summary>
public sealed record Signer(string FirstName, string LastName, string Email, string PostalCode, string Country)
{
    public static Signer New(string firstName, string country = "GB") =>
        new(firstName, "Tester", $"{firstName.ToLowerInvariant()}.{Guid.NewGuid():N}@example.org", "75011", country);
}

/// <summary>What the tests do on a campaign page, through the form's labels as a visitor sees them.</summary>
public static class PetitionPage
{
    /// <summary>
    /// The number of signers shown in [data-count], whatever the culture's group separator
    /// ("4,000" in English, "4 000" with U+202F in French).
    /// </summary>
    public static async Task<int> ReadCountAsync(IPage page)
    {
        var text = await page.Locator("[data-count]").InnerTextAsync();
        var digits = new string([.. text.Where(char.IsAsciiDigit)]);
        Assert.True(digits.Length > 0, $"[data-count] holds no number: \"{text}\"");
        return int.Parse(digits, CultureInfo.InvariantCulture);
    }

    /// <summary>Fills every field by its label; the consent box is ticked only when asked.</summary>
    public static async Task FillAsync(IPage page, FormLabels labels, Signer signer, bool consent = true)
    {
        await page.GetByLabel(labels.FirstName, new() { Exact = true }).FillAsync(signer.FirstName);
        await page.GetByLabel(labels.LastName, new() { Exact = true }).FillAsync(signer.LastName);
        await page.GetByLabel(labels.Email, new() { Exact = true }).FillAsync(signer.Email);
        await page.GetByLabel(labels.PostalCode, new() { Exact = true }).FillAsync(signer.PostalCode);
        await page.GetByLabel(labels.Country, new() { Exact = true }).SelectOptionAsync(signer.Country);
        var box = page.GetByLabel(labels.ConsentStart);
        await Assertions.Expect(box).Not.ToBeCheckedAsync();
        if (consent)
        {
            await box.CheckAsync();
        }
    }

    public static ILocator SubmitButton(IPage page, FormLabels labels) =>
        page.GetByRole(AriaRole.Button, new() { Name = labels.Sign, Exact = true });

    /// <summary>Submits the form and returns the response to the POST itself (before any redirect).</summary>
    public static Task<IResponse> SubmitAsync(IPage page, FormLabels labels) =>
        page.RunAndWaitForResponseAsync(
            () => SubmitButton(page, labels).ClickAsync(),
            response => response.Request.Method == "POST");
}
