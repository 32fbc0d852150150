using System.Net;
using System.Text;
using ExcelDataReader;
using Microsoft.EntityFrameworkCore;
using Relais.Segments;
using static Relais.Web.Tests.Segments.SegmentWorld;

namespace Relais.Web.Tests.Segments;

/// <summary>Saving, renaming, deleting and exporting segments; viewers read and count but change nothing.</summary>
public abstract class SegmentManagementTests(RelaisHost host)
{
    [Fact]
    public async Task SaveRenameDelete_DuplicateNames_400AndNothingChanged()
    {
        host.SkipIfUnavailable();
        var world = await CreateAsync(host);
        var browser = await host.Browser().LoginAsync(world.Organization.OrganizerEmail);
        var pressFields = Fields("all", Row("tag", ("tag", world.PressTag.ToString())));

        var first = await browser.SubmitAsync("/admin/segments/new", [.. pressFields, new("name", "Press")], "/admin/segments/new?handler=Save");
        var second = await browser.SubmitAsync("/admin/segments/new", [.. Fields("all", Row("email-consent")), new("name", "Consented")], "/admin/segments/new?handler=Save");
        var duplicate = await browser.SubmitAsync("/admin/segments/new", [.. pressFields, new("name", "Press")], "/admin/segments/new?handler=Save");

        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, second.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, duplicate.StatusCode);
        Assert.Contains("Another segment of your organization already has this name.", Html.Text(await duplicate.Content.ReadAsStringAsync()));
        var pressUrl = first.Headers.Location!.OriginalString.Split('?')[0];
        var consentedUrl = second.Headers.Location!.OriginalString.Split('?')[0];
        var stored = await host.Data.QueryAsync(db => db.Segments.Where(s => s.OrganizationId == world.Organization.Id).OrderBy(s => s.Name).ToListAsync());
        Assert.Equal(["Consented", "Press"], stored.Select(s => s.Name));
        var press = stored.Single(s => s.Name == "Press");
        Assert.Equal(world.PressTag, SegmentParser.ParseJson(press.Definition).Definition!.Conditions.Single().Id);

        var list = Html.Text(await browser.GetStringAsync("/admin/segments"));
        Assert.Contains(">Press</a>", list);
        Assert.Matches("Consented</a></td>\\s*<td class=\"number\">2</td>", list);

        var clash = await browser.SubmitAsync(consentedUrl, [.. pressFields, new("name", "Press")], consentedUrl + "?handler=Save");
        var rename = await browser.SubmitAsync(consentedUrl, [.. Fields("all", Row("email-consent")), new("name", "Consented to email")], consentedUrl + "?handler=Save");
        var empty = await browser.SubmitAsync(pressUrl, [.. pressFields, new("name", "  ")], pressUrl + "?handler=Save");

        Assert.Equal(HttpStatusCode.BadRequest, clash.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, rename.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.Contains("Give the segment a name.", Html.Text(await empty.Content.ReadAsStringAsync()));
        var names = await host.Data.QueryAsync(db => db.Segments.Where(s => s.OrganizationId == world.Organization.Id).OrderBy(s => s.Name).Select(s => s.Name).ToListAsync());
        Assert.Equal(["Consented to email", "Press"], names);

        var delete = await browser.SubmitAsync(pressUrl, [], pressUrl + "?handler=Delete");

        Assert.Equal(HttpStatusCode.Redirect, delete.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await browser.GetAsync(pressUrl)).StatusCode);
        Assert.Equal(["Consented to email"], await host.Data.QueryAsync(db => db.Segments.Where(s => s.OrganizationId == world.Organization.Id).Select(s => s.Name).ToListAsync()));
    }

    [Fact]
    public async Task SavedSegment_TagDeletedSince_ShownWithMessageAndNotExported()
    {
        host.SkipIfUnavailable();
        var world = await CreateAsync(host);
        var browser = await host.Browser().LoginAsync(world.Organization.OrganizerEmail);
        var saved = await browser.SubmitAsync("/admin/segments/new", [.. Fields("all", Row("tag", ("tag", world.VolunteerTag.ToString()))), new("name", "Volunteers")], "/admin/segments/new?handler=Save");
        var url = saved.Headers.Location!.OriginalString.Split('?')[0];
        await host.Data.QueryAsync(db => db.Tags.Where(t => t.Id == world.VolunteerTag).ExecuteDeleteAsync());

        var page = await browser.GetAsync(url);
        var list = Html.Text(await browser.GetStringAsync("/admin/segments"));
        var export = await browser.GetAsync(url + "/export.csv");

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("This tag does not exist in your organization.", Html.Text(await page.Content.ReadAsStringAsync()));
        Assert.Contains("conditions to correct", list);
        Assert.Equal(HttpStatusCode.Conflict, export.StatusCode);
        Assert.DoesNotContain("cleo", await export.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task SameName_InAnotherOrganization_IsAllowedAndInvisible()
    {
        host.SkipIfUnavailable();
        var world = await CreateAsync(host);
        var mine = await host.Browser().LoginAsync(world.Organization.OrganizerEmail);
        var theirs = await host.Browser().LoginAsync(world.Other.OrganizerEmail);

        var saved = await mine.SubmitAsync("/admin/segments/new", [.. Fields("all", Row("email-consent")), new("name", "Newsletter")], "/admin/segments/new?handler=Save");
        var alsoSaved = await theirs.SubmitAsync("/admin/segments/new", [.. Fields("all", Row("email-consent")), new("name", "Newsletter")], "/admin/segments/new?handler=Save");

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, alsoSaved.StatusCode);
        var mineUrl = saved.Headers.Location!.OriginalString.Split('?')[0];
        Assert.Equal(HttpStatusCode.NotFound, (await theirs.GetAsync(mineUrl)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await theirs.GetAsync(mineUrl + "/export.csv")).StatusCode);
        var theirUrl = alsoSaved.Headers.Location!.OriginalString.Split('?')[0];
        var hijack = await mine.SubmitAsync("/admin/segments/new", [], theirUrl + "?handler=Delete");
        Assert.Equal(HttpStatusCode.NotFound, hijack.StatusCode);
        var theirCsv = await theirs.GetStringAsync(theirUrl + "/export.csv");
        Assert.Contains("zed" + Domain, theirCsv);
        Assert.DoesNotContain("ana" + Domain, theirCsv);
        Assert.Equal(2, await host.Data.QueryAsync(db => db.Segments.CountAsync(s => s.Name == "Newsletter" && (s.OrganizationId == world.Organization.Id || s.OrganizationId == world.Other.Id))));
    }

    [Fact]
    public async Task Viewer_CanCountAndExportButNotSaveOrDelete()
    {
        host.SkipIfUnavailable();
        var world = await CreateAsync(host);
        var organizer = await host.Browser().LoginAsync(world.Organization.OrganizerEmail);
        var saved = await organizer.SubmitAsync("/admin/segments/new", [.. Fields("all", Row("email-consent")), new("name", "Consented")], "/admin/segments/new?handler=Save");
        var url = saved.Headers.Location!.OriginalString.Split('?')[0];
        var viewer = await host.Browser().LoginAsync(world.Organization.ViewerEmail);

        var page = await viewer.GetStringAsync(url);
        var save = await viewer.SubmitAsync("/admin/segments/new", [.. Fields("all"), new("name", "Everyone")], "/admin/segments/new?handler=Save");
        var rename = await viewer.SubmitAsync(url, [.. Fields("all"), new("name", "Renamed")], url + "?handler=Save");
        var delete = await viewer.SubmitAsync(url, [], url + "?handler=Delete");
        var count = await viewer.SubmitAsync(url, Fields("all", Row("email-consent")), "/admin/segments/count");

        Assert.Contains("2 matching supporters", Html.Text(page));
        Assert.DoesNotContain("handler=Save", page);
        Assert.DoesNotContain("handler=Delete", page);
        Assert.All([save, rename, delete], r => Assert.StartsWith("/admin/denied", r.Headers.Location?.AbsolutePath));
        Assert.Equal(HttpStatusCode.OK, count.StatusCode);
        Assert.Equal(["Consented"], await host.Data.QueryAsync(db => db.Segments.Where(s => s.OrganizationId == world.Organization.Id).Select(s => s.Name).ToListAsync()));
        Assert.Contains("ana" + Domain, await viewer.GetStringAsync(url + "/export.csv"));
    }

    [Fact]
    public async Task ExportCsv_SavedSegment_BomSemicolonsLocalizedHeadersEscapedFormulas()
    {
        host.SkipIfUnavailable();
        var world = await CreateAsync(host);
        var browser = await host.Browser("fr-FR").LoginAsync(world.Organization.OrganizerEmail);
        var saved = await browser.SubmitAsync("/admin/segments/new", [.. Fields("all", Row("email-consent")), new("name", "Abonnés")], "/admin/segments/new?handler=Save");
        var url = saved.Headers.Location!.OriginalString.Split('?')[0];

        var response = await browser.GetAsync(url + "/export.csv");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("segment-abonnes-", response.Content.Headers.ContentDisposition?.FileName);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("Adresse e-mail;Prénom;Nom;Code postal;Ville;Pays;Langue;Niveau d'engagement;Consentement e-mail;Dernière activité (UTC);Étiquettes", lines[0]);
        Assert.Equal(3, lines.Length);
        var ana = lines.Single(l => l.StartsWith("ana" + Domain, StringComparison.Ordinal)).Split(';');
        Assert.Equal(["ana" + Domain, "Ana", "Test", "75011", "\"'=Paris\"", "FR", "fr", "2", "granted"], ana[..9]);
        Assert.Equal("Press", ana[10]);
        Assert.Contains(lines, l => l.StartsWith("dan" + Domain, StringComparison.Ordinal));
    }

    [Fact]
    public async Task ExportXlsx_UnsavedDefinition_ReadsBackWithHeadersAndRows()
    {
        host.SkipIfUnavailable();
        var world = await CreateAsync(host);
        var browser = await host.Browser().LoginAsync(world.Organization.OrganizerEmail);
        var fields = Fields("any", Row("tag", ("tag", world.PressTag.ToString())), Row("tag", ("tag", world.VolunteerTag.ToString())));

        var response = await browser.SubmitAsync("/admin/segments/new", fields, "/admin/segments/export.xlsx");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType?.MediaType);
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        await using var stream = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        using var reader = ExcelReaderFactory.CreateReader(stream);
        var rows = new List<object?[]>();
        while (reader.Read())
        {
            rows.Add([.. Enumerable.Range(0, reader.FieldCount).Select(reader.GetValue)]);
        }
        Assert.Equal(["Email", "First name", "Last name", "Postal code", "City", "Country", "Language", "Ladder level", "Email consent", "Last active (UTC)", "Tags"], rows[0].Select(c => c?.ToString()));
        Assert.Equal(3, rows.Count);
        var ana = rows.Single(r => (string?)r[0] == "ana" + Domain);
        Assert.Equal(("Ana", "=Paris", 2.0, "granted", "Press"), ((string?)ana[1], (string?)ana[4], (double?)ana[7], (string?)ana[8], (string?)ana[10]));
        var cleo = rows.Single(r => (string?)r[0] == "cleo" + Domain);
        Assert.Equal(("BE", "withdrawn", "Volunteer"), ((string?)cleo[5], (string?)cleo[8], (string?)cleo[10]));
    }
}

public sealed class SegmentManagementOnSqlite(SqliteHost host) : SegmentManagementTests(host), IClassFixture<SqliteHost>;

public sealed class SegmentManagementOnPostgres(PostgresHost host) : SegmentManagementTests(host), IClassFixture<PostgresHost>;
