using System.Text.RegularExpressions;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Relais.Browser.Tests;

/// <summary>axe-core finds no serious or critical violation on the public pages, in both languages.</summary>
public sealed class AccessibilityTests(RelaisServer server, Chromium chromium, ITestOutputHelper output)
    : IClassFixture<RelaisServer>
{
    private static readonly string[] Blocking = ["serious", "critical"];

    public static TheoryData<string, string> Pages => new()
    {
        { "en-GB", "home" },
        { "en-GB", "campaign" },
        { "en-GB", "thanks" },
        { "en-GB", "failed-submission" },
        { "fr-FR", "home" },
        { "fr-FR", "campaign" },
        { "fr-FR", "thanks" },
        { "fr-FR", "failed-submission" },
    };

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task Audit_PublicPage_NoSeriousOrCriticalViolation(string locale, string pageName)
    {
        const string slug = RelaisServer.Palidzesim;
        var labels = locale.StartsWith("fr", StringComparison.Ordinal) ? FormLabels.French : FormLabels.English;
        await using var context = await chromium.NewContextAsync(locale);
        var page = await context.NewPageAsync();

        switch (pageName)
        {
            case "home":
                await Browse.OpenAsync(page, server.Url("/"));
                break;
            case "campaign":
                await Browse.OpenAsync(page, server.Url($"/c/{slug}"));
                break;
            case "thanks":
                await Browse.OpenAsync(page, server.Url($"/c/{slug}"));
                await PetitionPage.FillAsync(page, labels, Signer.New("Axe"));
                await PetitionPage.SubmitAsync(page, labels);
                await Expect(page).ToHaveURLAsync(new Regex($"/c/{slug}/thanks$"));
                break;
            case "failed-submission":
                // Every field empty: every error message and invalid state is on the page.
                await Browse.OpenAsync(page, server.Url($"/c/{slug}"));
                await page.GetByLabel(labels.Country, new() { Exact = true }).SelectOptionAsync("");
                var response = await PetitionPage.SubmitAsync(page, labels);
                Assert.Equal(400, response.Status);
                await Expect(page.GetByRole(AriaRole.Alert)).ToBeVisibleAsync();
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(pageName), pageName, null);
        }
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", locale[..2]);

        var result = await page.RunAxe();

        // axe really ran on this page: it checked the language of the document.
        Assert.Contains(result.Passes, rule => rule.Id == "html-has-lang");
        output.WriteLine($"axe-core on {page.Url}: {result.Passes.Length} rules passed, {result.Violations.Length} violated, {result.Incomplete.Length} to review by hand");
        foreach (var other in result.Violations.Where(v => !Blocking.Contains(v.Impact)))
        {
            output.WriteLine($"note (not blocking): {Describe(other)}");
        }
        foreach (var review in result.Incomplete)
        {
            output.WriteLine($"to review by hand: {Describe(review)}");
        }
        var blocking = result.Violations.Where(v => Blocking.Contains(v.Impact)).ToList();
        Assert.True(
            blocking.Count == 0,
            $"axe-core found {blocking.Count} serious or critical violation(s) on {pageName} ({locale}, {page.Url}):\n"
            + string.Join("\n", blocking.Select(Describe)));
    }

    private static string Describe(AxeResultItem violation) =>
        $"- {violation.Id} [{violation.Impact}] {violation.Help} ({violation.HelpUrl})\n"
        + string.Join("\n", violation.Nodes.Select(n => $"    at {n.Target}: {n.Html}"));
}
