using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Relais.Consents;
using Relais.Imports;
using Relais.Privacy;
using Relais.Supporters;

namespace Relais.Web.Tests.Imports;

/// <summary>Importing supporters through the admin pages, on a real database, with the files people really produce.</summary>
public abstract class ImportTests(RelaisHost host)
{
    private const string FrenchHeader = "Courriel;Prénom;Nom;Code postal;Ville;Pays\r\n";
    private const string FrenchRows =
        "elodie@example.org;Élodie;Dupont;42000;\"Saint-Étienne\r\ncentre\";France\r\n" +
        "helene@example.org;Hélène;Martin;1000;Bruxelles;Belgique\r\n";

    private async Task<(SeededOrganization Organization, HttpClient Browser)> OrganizerAsync()
    {
        var organization = await host.Data.OrganizationAsync();
        return (organization, await host.Browser().LoginAsync(organization.OrganizerEmail));
    }

    [Theory]
    [InlineData("windows-1252")]
    [InlineData("utf-8-bom")]
    public async Task FrenchExcelCsv_SemicolonsAccentsQuotedNewline_ImportedWithTheRightAccents(string encoding)
    {
        host.SkipIfUnavailable();
        var (organization, browser) = await OrganizerAsync();
        var bytes = encoding == "utf-8-bom"
            ? ImportFiles.Csv(FrenchHeader + FrenchRows, new UTF8Encoding(true), bom: true)
            : ImportFiles.Csv(FrenchHeader + FrenchRows, ImportFiles.Windows1252);

        var id = await browser.UploadAsync(bytes, "contacts.csv");
        var map = await (await browser.GetAsync($"/admin/imports/{id}/map")).Content.ReadAsStringAsync();
        Assert.Equal(["Email", "FirstName", "LastName", "PostalCode", "City", "Country"], ImportFlow.Proposed(map));
        Assert.Contains("Élodie", map);
        await browser.MappedAsync(id);
        var preview = await (await browser.GetAsync($"/admin/imports/{id}/preview")).Content.ReadAsStringAsync();
        Assert.Contains("Hélène", preview);
        var dryRun = await browser.RunAsync(id, dryRun: true);
        Assert.Equal((true, "Completed", 2, 2, 0), (dryRun.DryRun, dryRun.Status, dryRun.Processed, dryRun.Inserted, dryRun.Rejected));
        Assert.Equal(0, await host.Data.SupportersAsync(organization.Id));
        var stored = Path.Combine(host.DataFolder, await host.Data.QueryAsync(db => db.Imports.Where(i => i.Id == id).Select(i => i.StoredPath).SingleAsync()));
        Assert.True(File.Exists(stored));

        var start = await browser.SubmitAsync($"/admin/imports/{id}", [], $"/admin/imports/{id}?handler=Start");
        Assert.Equal(HttpStatusCode.Redirect, start.StatusCode);
        var done = await browser.WaitAsync(id);

        Assert.Equal((false, "Completed", 2, 2), (done.DryRun, done.Status, done.Processed, done.Inserted));
        // The file goes just after the completion is committed: give the job a moment.
        for (var waited = 0; waited < 50 && File.Exists(stored); waited++)
        {
            await Task.Delay(100, TestContext.Current.CancellationToken);
        }
        Assert.False(File.Exists(stored), "The uploaded copy of the people's data outlived the import.");
        var people = await host.Data.QueryAsync(db => db.Supporters.Where(s => s.OrganizationId == organization.Id).OrderBy(s => s.Email).ToListAsync());
        Assert.Equal(
            [("elodie@example.org", "Élodie", "Dupont", "42000", "Saint-Étienne centre", "FR"), ("helene@example.org", "Hélène", "Martin", "1000", "Bruxelles", "BE")],
            people.Select(p => (p.Email, p.FirstName, p.LastName, p.PostalCode, p.City, p.Country)));
        Assert.All(people, p => Assert.Equal(EmailConsentState.None, p.EmailConsent));
        Assert.Contains("contacts.csv", await browser.GetStringAsync("/admin/imports"));
    }

    [Fact]
    public async Task Xlsx_FirstSheet_Imported()
    {
        host.SkipIfUnavailable();
        var (organization, browser) = await OrganizerAsync();
        var workbook = ImportFiles.Xlsx([
            ["E-mail", "First name", "Last name", "ZIP", "Country"],
            ["zoe@example.org", "Zoé", "Lefèvre", 75011, "FR"],
            ["", "", "", "", ""],
            ["yann@example.org", "Yann", "Le Gall", 29200, "France"],
        ]);

        var (_, progress) = await browser.ImportAsync(workbook, "people.xlsx");

        Assert.Equal(("Completed", 2, 2, 0), (progress.Status, progress.Total, progress.Inserted, progress.Rejected));
        var people = await host.Data.QueryAsync(db => db.Supporters.Where(s => s.OrganizationId == organization.Id).OrderBy(s => s.Email).ToListAsync());
        Assert.Equal([("yann@example.org", "Yann", "29200", "FR"), ("zoe@example.org", "Zoé", "75011", "FR")], people.Select(p => (p.Email, p.FirstName, p.PostalCode, p.Country)));
    }

    [Fact]
    public async Task SameFileImportedTwice_SecondChangesNothing_AndRemembersTheMapping()
    {
        host.SkipIfUnavailable();
        var (organization, browser) = await OrganizerAsync();
        var file = Encoding.UTF8.GetBytes("mail;remarque;tags;nom\r\nana@example.org;Lyon;bénévole, presse;Martin\r\nbob@example.org;Paris;presse;Durand\r\nana@example.org;Lyon;;Martin\r\n");
        // "remarque" is not a known header: the organizer maps it to the city by hand, once.
        string?[] columns = ["Email", "City", "Tags", "LastName"];
        var (_, first) = await browser.ImportAsync(file, "list.csv", columns, tag: "Fête 2026", consent: "Everyone", declaration: "Signed the paper sheet at the 2026 fête");
        var before = await SnapshotAsync(organization.Id);

        var id = await browser.UploadAsync(file, "list-again.csv");
        var proposed = ImportFlow.Proposed(await (await browser.GetAsync($"/admin/imports/{id}/map")).Content.ReadAsStringAsync());
        Assert.Equal(columns, proposed);
        await browser.MappedAsync(id, tag: "Fête 2026", consent: "Everyone", declaration: "Signed the paper sheet at the 2026 fête");
        var second = await browser.RunAsync(id);

        Assert.Equal((2, 0, 1), (first.Inserted, first.Unchanged, first.Rejected));
        Assert.Equal((0, 0, 2, 1), (second.Inserted, second.Updated, second.Unchanged, second.Rejected));
        Assert.Equal(before, await SnapshotAsync(organization.Id));
        Assert.Equal((2, 2, 3, 5), (before.Supporters, before.Consents, before.Tags, before.SupporterTags));
    }

    private Task<(int Supporters, int Consents, int Tags, int SupporterTags)> SnapshotAsync(Guid organizationId) =>
        host.Data.QueryAsync(async db => (
            await db.Supporters.CountAsync(s => s.OrganizationId == organizationId),
            await db.Consents.CountAsync(c => c.OrganizationId == organizationId),
            await db.Tags.CountAsync(t => t.OrganizationId == organizationId),
            await db.SupporterTags.CountAsync(t => t.OrganizationId == organizationId)));

    [Fact]
    public async Task BadRows_RejectedWithReasons_InTheCsvReport()
    {
        host.SkipIfUnavailable();
        var (organization, browser) = await OrganizerAsync();
        await host.Data.QueryAsync(async db =>
        {
            db.SuppressedEmails.Add(new SuppressedEmail { OrganizationId = organization.Id, EmailHash = SuppressedEmail.Hash("erased@example.org"), Reason = "erasure" });
            return await db.SaveChangesAsync();
        });
        var file = Encoding.UTF8.GetBytes(
            "email;prénom;pays\r\n" +
            "ok@example.org;Ok;FR\r\n" +
            "not-an-email;Bad;FR\r\n" +
            " OK@example.org ;Twice;FR\r\n" +
            "Erased@Example.org;Gone;FR\r\n" +
            "=HYPERLINK(\"http://evil\");Formula;FR\r\n" +
            "far@example.org;Far;Atlantide\r\n" +
            "<script>alert(1)</script>@x.org;Script;FR\r\n");

        var (id, progress) = await browser.ImportAsync(file, "bad.csv");
        var response = await browser.GetAsync($"/admin/imports/{id}/rejections.csv");
        var bytes = await response.Content.ReadAsByteArrayAsync();
        var report = Encoding.UTF8.GetString(bytes);

        Assert.Equal((1, 6), (progress.Inserted, progress.Rejected));
        Assert.Equal(1, await host.Data.SupportersAsync(organization.Id));
        Assert.Equal("text/csv; charset=utf-8", response.Content.Headers.ContentType?.ToString());
        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        var lines = report.TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("Row;Reason;data", lines[0]);
        Assert.StartsWith("2;This email address does not look valid.;", lines[1]);
        Assert.Equal("3;Same email as row 1.;\" OK@example.org ;Twice;FR\"", lines[2]);
        Assert.Equal("4;This person's data was erased at their request.;\"Erased@Example.org;Gone;FR\"", lines[3]);
        Assert.StartsWith("5;This email address does not look valid.;", lines[4]);
        Assert.DoesNotContain(";=HYPERLINK", report);
        Assert.Contains("'=HYPERLINK", report);
        Assert.Equal("6;Unknown country: Atlantide.;\"far@example.org;Far;Atlantide\"", lines[5]);
        Assert.StartsWith("7;", lines[6]);
        var french = await host.Browser("fr").LoginAsync(organization.OrganizerEmail);
        Assert.Contains("Même adresse que la ligne 1.", await french.GetStringAsync($"/admin/imports/{id}/rejections.csv"));
    }

    [Fact]
    public async Task ColumnMappedTwice_400NamingTheColumns_NothingSaved()
    {
        host.SkipIfUnavailable();
        var (_, browser) = await OrganizerAsync();
        var id = await browser.UploadAsync(Encoding.UTF8.GetBytes("email;nom;surname\r\nana@example.org;Martin;Martin\r\n"), "twice.csv");
        var before = await host.Data.QueryAsync(db => db.Imports.Where(i => i.Id == id).Select(i => i.Mapping).SingleAsync());

        var response = await browser.MapAsync(id, ["Email", "LastName", "LastName"]);
        var page = Html.Text(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("“Last name” is chosen for several columns: nom, surname.", page);
        Assert.Equal(before, await host.Data.QueryAsync(db => db.Imports.Where(i => i.Id == id).Select(i => i.Mapping).SingleAsync()));

        var noEmail = await browser.MapAsync(id, [null, "LastName", null]);
        Assert.Equal(HttpStatusCode.BadRequest, noEmail.StatusCode);
        Assert.Contains("Choose the column that holds the email address.", Html.Text(await noEmail.Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task ExistingSupporter_MatchedByNormalizedEmail_OnlyEmptyFieldsFilled()
    {
        host.SkipIfUnavailable();
        var (organization, browser) = await OrganizerAsync();
        var existing = new Supporter
        {
            OrganizationId = organization.Id,
            Email = "Ana@Example.org",
            NormalizedEmail = "ana@example.org",
            FirstName = "Ana",
            LastName = "",
            City = "Lyon",
            Language = "en",
            LastActiveAt = DateTimeOffset.UtcNow.AddYears(-1),
        };
        await host.Data.QueryAsync(async db =>
        {
            db.Supporters.Add(existing);
            return await db.SaveChangesAsync();
        });

        var (_, progress) = await browser.ImportAsync(
            Encoding.UTF8.GetBytes("email;prénom;nom;cp;ville;langue\r\n  ANA@example.ORG ;Anne;Martin;75011;Paris;fr\r\n"), "merge.csv");

        Assert.Equal((0, 1, 0), (progress.Inserted, progress.Updated, progress.Unchanged));
        var stored = await host.Data.QueryAsync(db => db.Supporters.Where(s => s.OrganizationId == organization.Id).ToListAsync());
        var ana = Assert.Single(stored);
        Assert.Equal(
            (existing.Id, "Ana@Example.org", "Ana", "Martin", "75011", "Lyon", "en"),
            (ana.Id, ana.Email, ana.FirstName, ana.LastName, ana.PostalCode, ana.City, ana.Language));
        Assert.Equal(existing.LastActiveAt.ToUnixTimeSeconds(), ana.LastActiveAt.ToUnixTimeSeconds());
    }

    [Fact]
    public async Task Consent_ImportedOnlyWithADeclaration_AsLedgerRows()
    {
        host.SkipIfUnavailable();
        var (organization, browser) = await OrganizerAsync();
        var file = Encoding.UTF8.GetBytes("email;newsletter\r\nyes@example.org;oui\r\nno@example.org;non\r\n");
        var id = await browser.UploadAsync(file, "consent.csv");

        var undeclared = await browser.MapAsync(id, ["Email", "EmailConsent"], consent: "Column", declaration: "");
        var silent = await browser.MapAsync(id, ["Email", "EmailConsent"], consent: "Nobody");
        Assert.Equal(HttpStatusCode.BadRequest, undeclared.StatusCode);
        Assert.Contains("Say where and when these people agreed to receive email updates.", Html.Text(await undeclared.Content.ReadAsStringAsync()));
        Assert.Equal(HttpStatusCode.BadRequest, silent.StatusCode);

        await browser.MappedAsync(id, ["Email", "EmailConsent"], consent: "Column", declaration: "Ticked the newsletter box, Lyon march, 2026-05-01");
        await browser.RunAsync(id);

        var people = await host.Data.QueryAsync(db => db.Supporters.Where(s => s.OrganizationId == organization.Id)
            .OrderByDescending(s => s.Email).Select(s => new { s.Id, s.Email, s.EmailConsent }).ToListAsync());
        Assert.Equal([("yes@example.org", EmailConsentState.Granted), ("no@example.org", EmailConsentState.None)], people.Select(p => (p.Email, p.EmailConsent)));
        var ledger = await host.Data.QueryAsync(db => db.Consents.Where(c => c.OrganizationId == organization.Id).ToListAsync());
        var consent = Assert.Single(ledger);
        Assert.Equal(
            (people[0].Id, ConsentPurposes.EmailUpdates, true, "Ticked the newsletter box, Lyon march, 2026-05-01", $"import:{id}"),
            (consent.SupporterId, consent.Purpose, consent.Granted, consent.Wording, consent.Source));

        await browser.ImportAsync(Encoding.UTF8.GetBytes("email\r\nplain@example.org\r\n"), "plain.csv");
        Assert.Equal(EmailConsentState.None, await host.Data.QueryAsync(db => db.Supporters.Where(s => s.NormalizedEmail == "plain@example.org" && s.OrganizationId == organization.Id).Select(s => s.EmailConsent).SingleAsync()));
    }

    [Fact]
    public async Task KilledImport_ResumedAfterItsLastChunk_EndsAsAnUninterruptedOne()
    {
        host.SkipIfUnavailable();
        const int Rows = ImportRunner.ChunkSize * 2 + 1_500;
        // Duplicates across the chunk boundary and an invalid row: the resumed run must reject them the same way.
        var extra = "person2@example.org;Again;Again;00001\r\nbroken;x;y;z\r\nperson5001@example.org;Again;Again;00001\r\n";
        var file = ImportFiles.People(Rows, extra);
        var (reference, referenceBrowser) = await OrganizerAsync();
        var (referenceId, uninterrupted) = await referenceBrowser.ImportAsync(file, "people.csv", tag: "batch", consent: "Everyone", declaration: "Paper sheets");

        var (organization, browser) = await OrganizerAsync();
        var id = await browser.UploadAsync(file, "people.csv");
        await browser.MappedAsync(id, tag: "batch", consent: "Everyone", declaration: "Paper sheets");
        // What a killed process leaves behind: the first chunk committed with its counters, the import still Running.
        var stored = Path.Combine(host.DataFolder, await host.Data.QueryAsync(db => db.Imports.Where(i => i.Id == id).Select(i => i.StoredPath).SingleAsync()));
        var full = await File.ReadAllBytesAsync(stored);
        await File.WriteAllBytesAsync(stored, ImportFiles.People(ImportRunner.ChunkSize));
        var firstChunk = await browser.RunAsync(id);
        Assert.Equal(ImportRunner.ChunkSize, firstChunk.Processed);
        // The runner removes the file just after it marks the import done: write it back only once that happened.
        for (var wait = 0; File.Exists(stored) && wait < 200; wait++)
        {
            await Task.Delay(50);
        }
        Assert.False(File.Exists(stored), "The completed import's file was not removed.");
        await File.WriteAllBytesAsync(stored, full);
        await host.Data.QueryAsync(db => db.Imports.Where(i => i.Id == id)
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.Status, ImportStatus.Running).SetProperty(i => i.CompletedAt, (DateTimeOffset?)null)));

        var resumed = await browser.WaitAsync(id);

        Assert.Equal(uninterrupted, resumed);
        Assert.Equal((Rows + 3, Rows, 3), (resumed.Processed, resumed.Inserted, resumed.Rejected));
        Assert.Equal(await StateAsync(reference.Id, referenceId), await StateAsync(organization.Id, id));
        Assert.Equal(Rows, await host.Data.QueryAsync(db => db.Supporters.Where(s => s.OrganizationId == organization.Id).Select(s => s.NormalizedEmail).Distinct().CountAsync()));
    }

    private Task<string> StateAsync(Guid organizationId, Guid importId) => host.Data.QueryAsync(async db =>
    {
        var supporters = await db.Supporters.Where(s => s.OrganizationId == organizationId)
            .OrderBy(s => s.NormalizedEmail).Select(s => s.NormalizedEmail + "|" + s.FirstName + "|" + s.PostalCode + "|" + s.EmailConsent).ToListAsync();
        var rejections = await db.ImportRejections.Where(r => r.ImportId == importId).OrderBy(r => r.RowNumber).Select(r => r.RowNumber + "|" + r.Reason).ToListAsync();
        var consents = await db.Consents.CountAsync(c => c.OrganizationId == organizationId);
        var tags = await db.SupporterTags.CountAsync(t => t.OrganizationId == organizationId);
        return string.Join("\n", supporters.Concat(rejections).Append($"{consents} consents, {tags} tags"));
    });

    [Fact]
    public async Task Cancel_Midway_StopsBetweenChunks_CommittedRowsStay()
    {
        host.SkipIfUnavailable();
        var (organization, browser) = await OrganizerAsync();
        var id = await browser.UploadAsync(ImportFiles.People(200_000), "big.csv");
        await browser.MappedAsync(id);
        var preview = $"/admin/imports/{id}/preview";
        await browser.SubmitAsync(preview, [], preview + "?handler=Start");
        ImportProgressDto progress;
        do
        {
            await Task.Delay(20);
            progress = await browser.ProgressAsync(id);
        }
        while (progress.Processed == 0 && progress.Active);

        var cancel = await browser.SubmitAsync($"/admin/imports/{id}", [], $"/admin/imports/{id}?handler=Cancel");
        var stopped = await browser.WaitAsync(id);
        await Task.Delay(300);
        var page = Html.Text(await browser.GetStringAsync($"/admin/imports/{id}"));

        Assert.Equal(HttpStatusCode.Redirect, cancel.StatusCode);
        Assert.Equal("Cancelled", stopped.Status);
        Assert.True(stopped.Processed < stopped.Total, $"{stopped.Processed} of {stopped.Total}");
        Assert.Equal(0, stopped.Processed % ImportRunner.ChunkSize);
        Assert.Equal(stopped.Processed, await host.Data.SupportersAsync(organization.Id));
        Assert.Equal(stopped, await browser.ProgressAsync(id));
        Assert.Contains($"stay imported", page);
    }

    [Fact]
    public async Task OtherOrganization_CannotSeeDownloadOrCancelAnImport()
    {
        host.SkipIfUnavailable();
        var (victim, victimBrowser) = await OrganizerAsync();
        var (id, _) = await victimBrowser.ImportAsync(Encoding.UTF8.GetBytes("email\r\nsecret@example.org\r\nnot-valid\r\n"), "secret-list.csv");
        var (_, intruder) = await OrganizerAsync();
        await intruder.UploadAsync(Encoding.UTF8.GetBytes("email\r\nmine@example.org\r\n"), "mine.csv");

        Assert.DoesNotContain("secret-list.csv", await intruder.GetStringAsync("/admin/imports"));
        foreach (var url in new[] { "", "/map", "/preview", "/progress", "/rejections.csv" })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await intruder.GetAsync($"/admin/imports/{id}{url}")).StatusCode);
        }
        var cancel = await intruder.SubmitAsync("/admin/imports/new", [], $"/admin/imports/{id}?handler=Cancel");
        var start = await intruder.SubmitAsync("/admin/imports/new", [], $"/admin/imports/{id}/preview?handler=Start");
        Assert.Equal(HttpStatusCode.NotFound, cancel.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, start.StatusCode);

        var viewer = await host.Browser().LoginAsync(victim.ViewerEmail);
        var denied = await viewer.GetAsync($"/admin/imports/{id}/rejections.csv");
        Assert.NotEqual(HttpStatusCode.OK, denied.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await viewer.GetAsync("/admin/imports/new")).StatusCode);
    }

    [Theory]
    [InlineData("empty.csv", "", "The file is empty.")]
    [InlineData("photo.csv", "garbage", "neither a CSV file nor an Excel workbook")]
    [InlineData("notes.pdf", "email\r\na@b.org\r\n", "Please upload a .csv or .xlsx file.")]
    [InlineData("header-only.csv", "email;nom\r\n", "holds no rows of people")]
    [InlineData("fake.xlsx", "email\r\na@b.org\r\n", "neither a CSV file nor an Excel workbook")]
    [InlineData("empty.xlsx", "empty-sheet", "The first sheet of this workbook is empty.")]
    public async Task BadFile_400WithAClearMessage_NothingStored(string name, string content, string message)
    {
        host.SkipIfUnavailable();
        var (organization, browser) = await OrganizerAsync();
        var bytes = content switch
        {
            "garbage" => Enumerable.Range(0, 5_000).Select(i => (byte)(i * 7919 % 256)).ToArray(),
            "empty-sheet" => ImportFiles.Xlsx([]),
            _ => Encoding.UTF8.GetBytes(content),
        };

        var response = await browser.PostFileAsync(bytes, name);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(message, Html.Text(await response.Content.ReadAsStringAsync()));
        Assert.False(await host.Data.QueryAsync(db => db.Imports.AnyAsync(i => i.OrganizationId == organization.Id)));
    }
}

public sealed class ImportOnSqlite(SqliteHost host) : ImportTests(host), IClassFixture<SqliteHost>;

public sealed class ImportOnPostgres(PostgresHost host) : ImportTests(host), IClassFixture<PostgresHost>;

public sealed class ImportUploadLimitTests
{
    [Fact]
    public async Task FileOverTheLimit_413Page()
    {
        await using var host = new SqliteHost();
        host.Set("Relais:Imports:MaxUploadMegabytes", "1");
        var organization = await host.Data.OrganizationAsync();
        var browser = await host.Browser().LoginAsync(organization.OrganizerEmail);

        var response = await browser.PostFileAsync(ImportFiles.People(60_000), "too-big.csv");

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("too large", Html.Text(await response.Content.ReadAsStringAsync()));
        Assert.False(await host.Data.QueryAsync(db => db.Imports.AnyAsync()));
    }
}
