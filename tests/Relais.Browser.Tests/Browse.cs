using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Relais.Browser.Tests;

/// <summary>Page loads that fail at once, with the status, when the server answers anything but 200.</summary>
public static class Browse
{
    /// <summary>Goes to <paramref name="url"/> as if typed in the address bar.</summary>
    public static async Task OpenAsync(IPage page, string url)
    {
        var response = await page.GotoAsync(url);
        await AssertOkAsync(page, "GET " + url, response);
    }

    /// <summary>Clicks a link and waits for the page it leads to.</summary>
    public static async Task FollowAsync(IPage page, ILocator link)
    {
        var href = await link.GetAttributeAsync("href");
        // The document that ends the navigation, after any redirect.
        var response = await page.RunAndWaitForResponseAsync(
            () => link.ClickAsync(),
            r => r.Request.IsNavigationRequest && r.Request.Frame == page.MainFrame && r.Status is < 300 or >= 400);
        // The address, not a load state: WaitForURL waits for "load", which it misses (and times out on)
        // when the address already matched before the wait began, as the log-in helper found too.
        await Expect(page).ToHaveURLAsync(response.Url);
        await AssertOkAsync(page, $"following the link to {href}", response);
    }

    /// <summary>Logs in on the organizers' login page and waits until the dashboard is shown.</summary>
    public static async Task LogInAsync(IPage page, RelaisServer server, string email, string password)
    {
        await OpenAsync(page, server.Url("/admin/login"));
        await page.GetByLabel("Email", new() { Exact = true }).FillAsync(email);
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Log in" }).ClickAsync();
        // The address and the dashboard's heading, not the load event: waiting for "load" once the
        // address already matched has timed out under load although the page had finished loading.
        await Expect(page).ToHaveURLAsync(server.Url("/admin"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToBeVisibleAsync();
    }

    private static async Task AssertOkAsync(IPage page, string what, IResponse? response)
    {
        Assert.NotNull(response);
        if (response.Status != 200)
        {
            Assert.Fail($"{what} answered {response.Status} ({response.Url}), page title: \"{await page.TitleAsync()}\"");
        }
    }
}
