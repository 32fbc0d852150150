using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Relais.Data;
using Relais.Organizations;
using Relais.Web.Members;
using static Microsoft.Playwright.Assertions;

namespace Relais.Browser.Tests;

/// <summary>An organizer writes an email in the composer, an unknown merge field is caught, and the preview shows it.</summary>
public sealed class ComposerTests(RelaisServer server, Chromium chromium) : IClassFixture<RelaisServer>
{
    private const string Password = "composer browser password";

    [Fact]
    public async Task Compose_UnknownFieldThenCorrected_SavedPreviewedAndAccessible()
    {
        await using var scope = server.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RelaisDb>();
        var organization = await db.Organizations.OrderBy(o => o.CreatedAt).FirstAsync();
        var email = $"composer-{Guid.NewGuid():N}@example.org";
        var created = await scope.ServiceProvider.GetRequiredService<MemberAccounts>().CreateAsync(email, organization.Id, MemberRole.Organizer, Password);
        Assert.True(created.Succeeded);
        var name = $"Browser update {Guid.NewGuid():N}"[..24];

        await using var context = await chromium.NewContextAsync("en-GB");
        var page = await context.NewPageAsync();
        await Browse.LogInAsync(page, server, email, Password);
        await Browse.OpenAsync(page, server.Url("/admin/messages"));
        await Browse.FollowAsync(page, page.GetByRole(AriaRole.Link, new() { Name = "New email" }));

        await page.GetByLabel("Name (only your organization sees it)").FillAsync(name);
        var english = page.Locator("fieldset[lang=en]");
        await english.GetByLabel("Subject", new() { Exact = true }).FillAsync("News for {{ first_name | you }}");
        await english.GetByLabel("Body (Markdown)").FillAsync("Hello {{ frist_name }}, **thank you**.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Unknown merge field “frist_name” in the English version");
        var axe = await page.RunAxe();
        Assert.Empty(axe.Violations.Where(v => v.Impact is "serious" or "critical").Select(v => $"{v.Id}: {v.Help}"));

        await english.GetByLabel("Body (Markdown)").FillAsync("Hello {{ first_name | friend }}, **thank you**.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Saved.");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(name);
        axe = await page.RunAxe();
        Assert.Empty(axe.Violations.Where(v => v.Impact is "serious" or "critical").Select(v => $"{v.Id}: {v.Help}"));

        await Browse.FollowAsync(page, page.GetByRole(AriaRole.Link, new() { Name = "Preview and test" }));
        await Expect(page.Locator(".preview-subject")).ToHaveTextAsync("News for Camille");
        // Scripts are off in the sandboxed frame, so Playwright cannot look inside: its document is fetched instead.
        var frame = page.Locator("iframe.email-frame");
        await Expect(frame).ToHaveAttributeAsync("sandbox", "");
        var html = await page.Context.APIRequest.GetAsync(server.Url(await frame.GetAttributeAsync("src") ?? ""));
        Assert.Equal(200, html.Status);
        Assert.Contains("sandbox", html.Headers["content-security-policy"]);
        Assert.Contains("Hello Camille, <strong>thank you</strong>.", await html.TextAsync());
        axe = await page.RunAxe(new AxeRunOptions { Iframes = false });
        Assert.Empty(axe.Violations.Where(v => v.Impact is "serious" or "critical").Select(v => $"{v.Id}: {v.Help}"));
    }
}
