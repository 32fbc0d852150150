using Microsoft.Playwright;

[assembly: AssemblyFixture(typeof(Relais.Browser.Tests.Chromium))]

namespace Relais.Browser.Tests;

/// <summary>
/// One headless Debian Chromium for the whole run (RELAIS_CHROMIUM, else /usr/bin/chromium); each
/// test opens its own context, so cookies and language never leak between tests.
/// Playwright's own browsers are never downloaded.
/// </summary>
public sealed class Chromium : IAsyncLifetime
{
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public async ValueTask InitializeAsync()
    {
        Environment.SetEnvironmentVariable("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
        var executable = Environment.GetEnvironmentVariable("RELAIS_CHROMIUM") is { Length: > 0 } configured
            ? configured
            : "/usr/bin/chromium";
        if (!File.Exists(executable))
        {
            throw new InvalidOperationException(
                $"Chromium not found at {executable}: install Debian's chromium (apt-get install chromium) or set RELAIS_CHROMIUM.");
        }
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = executable,
            Headless = true,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--no-first-run", "--disable-quic",
            ],
        });
    }

    /// <summary>A fresh browser context with the given language (e.g. "en-GB", "fr-FR").</summary>
    public async Task<IBrowserContext> NewContextAsync(string locale, ViewportSize? viewport = null)
    {
        var options = new BrowserNewContextOptions { Locale = locale };
        if (viewport is not null)
        {
            options.ViewportSize = viewport;
            options.IsMobile = true;
            options.HasTouch = true;
        }
        var context = await _browser!.NewContextAsync(options);
        context.SetDefaultTimeout(15_000);
        context.SetDefaultNavigationTimeout(20_000);
        return context;
    }

    public async ValueTask DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }
        _playwright?.Dispose();
    }
}
