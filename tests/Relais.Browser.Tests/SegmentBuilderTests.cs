using Deque.AxeCore.Playwright;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Relais.Activities;
using Relais.Data;
using Relais.Organizations;
using Relais.Web.Members;
using static Microsoft.Playwright.Assertions;

namespace Relais.Browser.Tests;

/// <summary>The segment builder counts again as conditions are added and changed, without the form being sent.</summary>
public sealed class SegmentBuilderTests(RelaisServer server, Chromium chromium) : IClassFixture<RelaisServer>
{
    private const string Password = "segment builder password";

    [Fact]
    public async Task LiveCount_ConditionAddedThenChanged_CountFollowsWithoutSubmitting()
    {
        await using var scope = server.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RelaisDb>();
        var organization = await db.Organizations.OrderBy(o => o.CreatedAt).FirstAsync();
        var email = $"segments-{Guid.NewGuid():N}@example.org";
        var created = await scope.ServiceProvider.GetRequiredService<MemberAccounts>().CreateAsync(email, organization.Id, MemberRole.Viewer, Password);
        Assert.True(created.Succeeded);
        var everyone = await db.Supporters.CountAsync(s => s.OrganizationId == organization.Id && s.ErasedAt == null);
        var signers = await db.Activities
            .Where(a => a.OrganizationId == organization.Id && a.Type == ActivityType.Signed && a.ActionId != null)
            .GroupBy(a => a.ActionId!.Value)
            .Select(g => new { Petition = g.Key, Count = g.Select(a => a.SupporterId).Distinct().Count() })
            .OrderBy(p => p.Count)
            .ToListAsync();
        Assert.True(signers.Count >= 2, "the demo should hold several petitions");
        var (first, second) = (signers[0], signers[^1]);

        await using var context = await chromium.NewContextAsync("en-GB");
        var page = await context.NewPageAsync();
        await Browse.LogInAsync(page, server, email, Password);
        await Browse.OpenAsync(page, server.Url("/admin/segments/new"));
        var count = page.Locator("#segment-count");
        await Expect(count).ToHaveTextAsync($"{everyone:N0} matching supporters");
        await Expect(count).ToHaveAttributeAsync("aria-live", "polite");
        var navigations = 0;
        page.FrameNavigated += (_, frame) => navigations += frame == page.MainFrame ? 1 : 0;

        await page.GetByLabel("Add a condition").SelectOptionAsync("took-action");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add", Exact = true }).ClickAsync();
        var action = page.Locator("#segment-conditions select[name$='.action']");
        await Expect(action).ToBeFocusedAsync();
        await action.SelectOptionAsync(first.Petition.ToString());

        await Expect(count).ToHaveTextAsync(Text(first.Count));

        await action.SelectOptionAsync(second.Petition.ToString());

        await Expect(count).ToHaveTextAsync(Text(second.Count));

        await page.Locator("#segment-conditions input[type=checkbox][name$='.not']").CheckAsync();

        await Expect(count).ToHaveTextAsync(Text(everyone - second.Count));
        Assert.Equal(0, navigations);
        Assert.Equal(server.Url("/admin/segments/new"), page.Url);
        var axe = await page.RunAxe();
        Assert.Empty(axe.Violations.Where(v => v.Impact is "serious" or "critical").Select(v => $"{v.Id}: {v.Help}"));
    }

    private static string Text(int count) => count == 1 ? "1 matching supporter" : $"{count:N0} matching supporters";
}
