using System.Net;
using Microsoft.EntityFrameworkCore;

namespace Relais.Web.Tests.Privacy;

public abstract class SettingsTests(RelaisHost host)
{
    private static Dictionary<string, string> Settings(string name, string fr, string en, string months, bool doubleOptIn) => new()
    {
        ["Input.Name"] = name,
        ["Input.ConsentWordingFr"] = fr,
        ["Input.ConsentWordingEn"] = en,
        ["Input.RetentionMonths"] = months,
        ["Input.RequireDoubleOptIn"] = doubleOptIn ? "true" : "false",
    };

    [Fact]
    public async Task Save_ChangedWording_UpdatesAndBumpsTheVersion()
    {
        host.SkipIfUnavailable();
        var organization = await host.Data.OrganizationAsync();
        var organizer = await host.Browser().LoginAsync(organization.OrganizerEmail);

        var response = await organizer.SubmitAsync("/admin/settings", Settings("Les <Amis>", "Nouveau texte", $"I agree ({organization.Slug})", "24", true));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var saved = await host.Data.QueryAsync(db => db.Organizations.AsNoTracking().SingleAsync(o => o.Id == organization.Id));
        Assert.Equal(("Les <Amis>", "Nouveau texte", 4, true, 24), (saved.Name, saved.ConsentWordingFr, saved.ConsentWordingVersion, saved.RequireDoubleOptIn, saved.RetentionMonths));
        var page = await (await organizer.GetAsync(response.Headers.Location)).Content.ReadAsStringAsync();
        Assert.Contains("Les &lt;Amis&gt;", page);

        await organizer.SubmitAsync("/admin/settings", Settings("Les <Amis>", "Nouveau texte", $"I agree ({organization.Slug})", "36", false));
        var same = await host.Data.QueryAsync(db => db.Organizations.AsNoTracking().SingleAsync(o => o.Id == organization.Id));
        Assert.Equal((4, false, 36), (same.ConsentWordingVersion, same.RequireDoubleOptIn, same.RetentionMonths));
    }

    [Theory]
    [InlineData("0")]
    [InlineData("121")]
    [InlineData("abc")]
    public async Task Save_RetentionOutOfRange_Returns400AndChangesNothing(string months)
    {
        host.SkipIfUnavailable();
        var organization = await host.Data.OrganizationAsync();
        var organizer = await host.Browser("fr").LoginAsync(organization.OrganizerEmail);

        var response = await organizer.SubmitAsync("/admin/settings", Settings("Autre nom", "x", "y", months, true));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("entre 1 et 120 mois", Html.Text(await response.Content.ReadAsStringAsync()));
        var unchanged = await host.Data.QueryAsync(db => db.Organizations.AsNoTracking().SingleAsync(o => o.Id == organization.Id));
        Assert.Equal((organization.Slug, 3, 36, false), (unchanged.Name, unchanged.ConsentWordingVersion, unchanged.RetentionMonths, unchanged.RequireDoubleOptIn));
    }

    [Fact]
    public async Task Save_EmptyName_Returns400()
    {
        host.SkipIfUnavailable();
        var organization = await host.Data.OrganizationAsync();
        var organizer = await host.Browser().LoginAsync(organization.OrganizerEmail);

        var response = await organizer.SubmitAsync("/admin/settings", Settings("  ", "x", "y", "36", false));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(organization.Slug, await host.Data.QueryAsync(db => db.Organizations.Where(o => o.Id == organization.Id).Select(o => o.Name).SingleAsync()));
    }

    [Fact]
    public async Task Viewer_ReadsButCannotSave()
    {
        host.SkipIfUnavailable();
        var organization = await host.Data.OrganizationAsync();
        var viewer = await host.Browser().LoginAsync(organization.ViewerEmail);

        var page = await viewer.GetAsync("/admin/settings");
        var response = await viewer.SubmitAsync("/admin/settings", Settings("Hijack", "x", "y", "36", true));

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains($"I agree ({organization.Slug})", await page.Content.ReadAsStringAsync());
        Assert.Contains("/admin/denied", response.Headers.Location?.OriginalString);
        Assert.Equal(organization.Slug, await host.Data.QueryAsync(db => db.Organizations.Where(o => o.Id == organization.Id).Select(o => o.Name).SingleAsync()));
    }
}

public sealed class SettingsOnSqlite(SqliteHost host) : SettingsTests(host), IClassFixture<SqliteHost>;

public sealed class SettingsOnPostgres(PostgresHost host) : SettingsTests(host), IClassFixture<PostgresHost>;
