using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Relais.Data;
using Relais.Demo;
using Relais.Organizations;
using Relais.Web.Members;
using static Microsoft.Playwright.Assertions;

namespace Relais.Browser.Tests;

/// <summary>An organizer uploads a file in a real browser and watches the import progress to the end.</summary>
public sealed class ImportProgressTests(RelaisServer server, Chromium chromium) : IClassFixture<RelaisServer>
{
    private const string Password = "correct horse battery staple";

    [Fact]
    public async Task UploadMapStart_ProgressBarAdvancesToDone_WithoutReloading()
    {
        const int Rows = 30_000;
        var email = $"importer-{Guid.NewGuid():N}@example.org";
        await using (var scope = server.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<RelaisDb>();
            var organizationId = await db.Organizations.Where(o => o.Slug == DemoSeeder.OrganizationSlug).Select(o => o.Id).SingleAsync();
            var created = await scope.ServiceProvider.GetRequiredService<MemberAccounts>().CreateAsync(email, organizationId, MemberRole.Organizer, Password);
            Assert.True(created.Succeeded);
        }
        var file = new StringBuilder("Courriel;Prénom;Nom\r\n");
        for (var i = 0; i < Rows; i++)
        {
            file.Append(CultureInfo.InvariantCulture, $"browser{i}@example.org;Prénom{i};Nom{i}\r\n");
        }
        await using var context = await chromium.NewContextAsync("en-GB");
        var page = await context.NewPageAsync();

        await Browse.LogInAsync(page, server, email, Password);
        await Browse.OpenAsync(page, server.Url("/admin/imports/new"));
        await page.GetByLabel("File (up to 200 MB)").SetInputFilesAsync(new FilePayload
        {
            Name = "people.csv",
            MimeType = "text/csv",
            Buffer = Encoding.UTF8.GetBytes(file.ToString()),
        });
        await page.GetByRole(AriaRole.Button, new() { Name = "Upload and map the columns" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Map the columns");
        await page.GetByRole(AriaRole.Button, new() { Name = "Preview" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Cell, new() { Name = "browser0@example.org" })).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Start the import" }).ClickAsync();

        var bar = page.Locator("progress");
        await Expect(bar).ToBeVisibleAsync();
        var seen = new List<double>();
        var deadline = DateTimeOffset.UtcNow.AddMinutes(3);
        while (DateTimeOffset.UtcNow < deadline)
        {
            var value = await bar.EvaluateAsync<double>("p => p.value");
            if (seen.Count == 0 || seen[^1] != value)
            {
                seen.Add(value);
            }
            if (value >= Rows)
            {
                break;
            }
            await Task.Delay(100);
        }

        Assert.True(seen.Count >= 2, "The bar never moved: " + string.Join(", ", seen));
        Assert.Equal(seen.Order(), seen);
        Assert.Equal(Rows, seen[^1]);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 2 })).ToHaveTextAsync("Done");
        await Expect(page.Locator("[data-field=inserted]")).ToHaveTextAsync("30,000");
    }
}
