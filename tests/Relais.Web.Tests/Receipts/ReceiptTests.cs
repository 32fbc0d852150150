using System.Diagnostics;
using System.IO.Compression;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Relais.Data;
using Relais.Giving;
using Relais.Receipts;
using Relais.Web.Tests.Privacy;

namespace Relais.Web.Tests.Receipts;

/// <summary>The receipt email of every succeeded donation, and the yearly tax receipts, on the real databases.</summary>
public abstract class ReceiptTests
{
    private readonly RelaisHost _host;

    protected ReceiptTests(RelaisHost host)
    {
        _host = host;
        Mailbox.UseSink(host);
    }

    [Fact]
    public async Task Succeed_Donation_OneReceiptEmailWithAmountAndNumber()
    {
        _host.SkipIfUnavailable();
        Mailbox.SkipIfUnavailable();
        var organization = await _host.Data.OrganizationAsync("Les Amis de Riga");
        var campaign = await _host.Data.CampaignAsync(organization.Id);
        var fundraiser = await _host.Data.FundraiserAsync(organization.Id, campaign.Id);
        var email = Mailbox.UniqueAddress("donor");

        var id = await _host.Data.DonationAsync(organization.Id, fundraiser, 12_550, email: email);

        // The receipt; the gift's thank-you is another email.
        var received = await Mailbox.WaitForContainingAsync(email, "Merci pour votre don à Les Amis de Riga");
        var receipt = await _host.Data.QueryAsync(db => db.DonationReceipts.SingleAsync(r => r.DonationId == id));
        Assert.Contains("Merci pour votre don à Les Amis de Riga", received.Subject);
        Assert.Contains("125,50", received.Text);
        Assert.Contains(receipt.Reference, received.Text);
        Assert.Contains("Titre campaign-", received.Text);
        Assert.Contains("Virement bancaire", received.Text);
        Assert.Contains($"receipt.{id:N}@", received.Header("Message-ID"));

        // A replayed success moves nothing; an outbox message run again sends nothing more.
        var replay = await _host.Data.QueryAsync(async db =>
        {
            var donation = await db.Donations.SingleAsync(d => d.Id == id);
            donation.Status = DonationStatus.Pending;
            await using var transaction = await db.Database.BeginTransactionAsync();
            var ledger = _host.Services.CreateScope().ServiceProvider.GetRequiredService<DonationLedger>();
            var move = await ledger.MoveAsync(db, donation, DonationStatus.Succeeded, DateTimeOffset.UtcNow, default);
            await transaction.CommitAsync();
            return move;
        });
        Assert.Null(replay);
        await _host.Data.QueryAsync(db => db.OutboxMessages.Where(m => m.Kind == DonationReceiptMessage.Kind && m.OrganizationId == organization.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.CompletedAt, (DateTimeOffset?)null)));
        await WaitUntilAsync(() => _host.Data.QueryAsync(db => db.OutboxMessages.AnyAsync(m => m.OrganizationId == organization.Id && m.CompletedAt == null)), false);
        Assert.Equal(1, Mailbox.CountContaining(email, "Merci pour votre don à Les Amis de Riga"));
        Assert.Equal(1, await _host.Data.QueryAsync(db => db.DonationReceipts.CountAsync(r => r.OrganizationId == organization.Id)));
    }

    [Fact]
    public async Task Succeed_ConcurrentDonations_NumbersSequentialPerOrganizationAndYear()
    {
        _host.SkipIfUnavailable();
        var organization = await _host.Data.OrganizationAsync();
        var other = await _host.Data.OrganizationAsync();
        var campaign = await _host.Data.CampaignAsync(organization.Id);
        var fundraiser = await _host.Data.FundraiserAsync(organization.Id, campaign.Id);
        var otherFundraiser = await _host.Data.FundraiserAsync(other.Id, (await _host.Data.CampaignAsync(other.Id)).Id);
        var pending = new List<Guid>();
        for (var i = 0; i < 20; i++)
        {
            pending.Add(await _host.Data.DonationAsync(organization.Id, fundraiser, 1_000 + i, DonationStatus.Pending));
        }
        await _host.Data.DonationAsync(other.Id, otherFundraiser, 500);

        await Task.WhenAll(pending.Select(id => Task.Run(async () =>
        {
            await using var scope = _host.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<RelaisDb>();
            var ledger = scope.ServiceProvider.GetRequiredService<DonationLedger>();
            await using var transaction = await db.Database.BeginTransactionAsync();
            var donation = await db.Donations.SingleAsync(d => d.Id == id);
            Assert.NotNull(await ledger.MoveAsync(db, donation, DonationStatus.Succeeded, DateTimeOffset.UtcNow, default));
            await transaction.CommitAsync();
        })));

        var numbers = await _host.Data.QueryAsync(db => db.DonationReceipts.Where(r => r.OrganizationId == organization.Id)
            .Select(r => r.Number).OrderBy(n => n).ToListAsync());
        Assert.Equal(Enumerable.Range(1, 20), numbers);
        var otherNumbers = await _host.Data.QueryAsync(db => db.DonationReceipts.Where(r => r.OrganizationId == other.Id).Select(r => r.Number).ToListAsync());
        Assert.Equal([1], otherNumbers);
    }

    [Fact]
    public async Task SaveSettings_EnabledWithEmptyFields_400AndNothingSaved()
    {
        _host.SkipIfUnavailable();
        var organization = await _host.Data.OrganizationAsync();
        var browser = await _host.Browser().LoginAsync(organization.OrganizerEmail);

        var response = await browser.SubmitAsync("/admin/settings/receipts", new Dictionary<string, string>
        {
            ["Input.TaxReceiptsEnabled"] = "true",
            ["Input.LegalName"] = "<script>alert(1)</script>",
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("Required for tax receipts.", Html.Text(html));
        Assert.Contains("Tick at least one status.", Html.Text(html));
        Assert.DoesNotContain("<script>alert(1)", html);
        Assert.False(await _host.Data.QueryAsync(db => db.ReceiptSettings.AnyAsync(s => s.OrganizationId == organization.Id)));
        var viewer = await _host.Browser().LoginAsync(organization.ViewerEmail);
        Assert.Equal(HttpStatusCode.OK, (await viewer.GetAsync("/admin/settings/receipts")).StatusCode);
    }

    [Fact]
    public async Task Generate_YearWithRefundsAndDonorsWithoutAddress_OneReceiptPerDonorListedMissingAndIdempotent()
    {
        _host.SkipIfUnavailable();
        var organization = await _host.Data.OrganizationAsync();
        var campaign = await _host.Data.CampaignAsync(organization.Id);
        var fundraiser = await _host.Data.FundraiserAsync(organization.Id, campaign.Id);
        var browser = await _host.Browser().LoginAsync(organization.OrganizerEmail);
        Assert.Equal(HttpStatusCode.Redirect, (await browser.SubmitAsync("/admin/settings/receipts", Settings())).StatusCode);
        var year = DateTimeOffset.UtcNow.Year - 1;
        DateTimeOffset On(int month, int day) => new(year, month, day, 12, 0, 0, TimeSpan.Zero);
        var ana = Mailbox.UniqueAddress("ana");
        var bo = Mailbox.UniqueAddress("bo");
        var cy = Mailbox.UniqueAddress("cy");
        await _host.Data.DonationAsync(organization.Id, fundraiser, 10_000, email: ana, at: On(3, 12));
        await _host.Data.DonationAsync(organization.Id, fundraiser, 2_550, email: ana, at: On(11, 20));
        await _host.Data.DonationAsync(organization.Id, fundraiser, 99_900, DonationStatus.Refunded, email: bo, at: On(4, 1));
        await _host.Data.DonationAsync(organization.Id, fundraiser, 1_000, email: bo, at: On(6, 1));
        await _host.Data.DonationAsync(organization.Id, fundraiser, 5_000, DonationStatus.Failed, email: bo, at: On(6, 2));
        await _host.Data.DonationAsync(organization.Id, fundraiser, 7_000, email: ana, at: new DateTimeOffset(year - 1, 12, 31, 12, 0, 0, TimeSpan.Zero));
        await _host.Data.DonationAsync(organization.Id, fundraiser, 3_000, email: cy, at: On(7, 14));
        await _host.Data.QueryAsync(db => db.Supporters.Where(s => s.OrganizationId == organization.Id && s.Email != cy)
            .ExecuteUpdateAsync(s => s
                .SetProperty(p => p.FirstName, p => p.Email == ana ? "Ana" : "Bo")
                .SetProperty(p => p.LastName, "Ozola")
                .SetProperty(p => p.StreetAddress, "3 rue des Lilas")
                .SetProperty(p => p.PostalCode, "69001")
                .SetProperty(p => p.City, "Lyon")
                .SetProperty(p => p.Country, "FR")));

        var page = await browser.SubmitAsync($"/admin/receipts?year={year}", new Dictionary<string, string> { ["year"] = year.ToString() });
        var text = Html.Text(await page.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("2 new receipts, 0 updated.", text);
        Assert.Contains("Donors without a postal address (1)", text);
        Assert.Contains(cy, text);

        var receipts = await _host.Data.QueryAsync(db => db.TaxReceipts.Where(r => r.OrganizationId == organization.Id).OrderBy(r => r.Number).ToListAsync());
        Assert.Equal(["Ana Ozola", "Bo Ozola"], receipts.Select(r => r.DonorName));
        Assert.Equal([1, 2], receipts.Select(r => r.Number));
        Assert.Equal([12_550L, 1_000L], receipts.Select(r => r.AmountMinor));
        Assert.All(receipts, r => Assert.Equal(year, r.Year));

        var again = await browser.SubmitAsync($"/admin/receipts?year={year}", new Dictionary<string, string> { ["year"] = year.ToString() });
        Assert.Contains("0 new receipts, 2 updated.", Html.Text(await again.Content.ReadAsStringAsync()));
        var after = await _host.Data.QueryAsync(db => db.TaxReceipts.Where(r => r.OrganizationId == organization.Id).OrderBy(r => r.Number).ToListAsync());
        Assert.Equal(receipts.Select(r => (r.Id, r.Number)), after.Select(r => (r.Id, r.Number)));

        var pdf = await browser.GetAsync($"/admin/receipts/{year}/{receipts[0].Id}.pdf");
        Assert.Equal(HttpStatusCode.OK, pdf.StatusCode);
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType?.MediaType);
        var bytes = await pdf.Content.ReadAsByteArrayAsync();
        Assert.Equal("%PDF", System.Text.Encoding.ASCII.GetString(bytes, 0, 4));
        var words = await PdfTextAsync(bytes);
        Assert.Contains($"{year}-00001", words);
        Assert.Contains("cent vingt-cinq euros et cinquante centimes", words);
        Assert.Contains("Ana Ozola", words);
        Assert.Contains("3 rue des Lilas", words);
        Assert.Contains("Association des Relais", words);
        Assert.Contains("Déclaration de don manuel", words);
        Assert.Contains($"du 12/03/{year} au 20/11/{year}", words);

        var zip = await browser.GetAsync($"/admin/receipts/{year}/receipts.zip");
        Assert.Equal(HttpStatusCode.OK, zip.StatusCode);
        using var archive = new ZipArchive(await zip.Content.ReadAsStreamAsync());
        Assert.Equal([$"recu-fiscal-{year}-00001.pdf", $"recu-fiscal-{year}-00002.pdf"], archive.Entries.Select(e => e.FullName));
    }

    [Fact]
    public async Task Download_AnotherOrganizationsReceipt_NotFound()
    {
        _host.SkipIfUnavailable();
        var organization = await _host.Data.OrganizationAsync();
        var intruder = await _host.Data.OrganizationAsync();
        var fundraiser = await _host.Data.FundraiserAsync(organization.Id, (await _host.Data.CampaignAsync(organization.Id)).Id);
        var owner = await _host.Browser().LoginAsync(organization.OrganizerEmail);
        var other = await _host.Browser().LoginAsync(intruder.OrganizerEmail);
        await owner.SubmitAsync("/admin/settings/receipts", Settings());
        await other.SubmitAsync("/admin/settings/receipts", Settings());
        var email = Mailbox.UniqueAddress("dz");
        var year = DateTimeOffset.UtcNow.Year - 1;
        await _host.Data.DonationAsync(organization.Id, fundraiser, 4_000, email: email, at: new DateTimeOffset(year, 5, 5, 0, 0, 0, TimeSpan.Zero));
        await _host.Data.QueryAsync(db => db.Supporters.Where(s => s.OrganizationId == organization.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.StreetAddress, "1 place Bellecour").SetProperty(p => p.PostalCode, "69002").SetProperty(p => p.City, "Lyon")));
        await owner.SubmitAsync($"/admin/receipts?year={year}", new Dictionary<string, string> { ["year"] = year.ToString() });
        var id = await _host.Data.QueryAsync(db => db.TaxReceipts.Where(r => r.OrganizationId == organization.Id).Select(r => r.Id).SingleAsync());

        var own = await owner.GetAsync($"/admin/receipts/{year}/{id}.pdf");
        Assert.True(own.StatusCode == HttpStatusCode.OK, _host.Errors.ToString());
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/admin/receipts/{year}/{id}.pdf")).StatusCode);
        var zip = await other.GetAsync($"/admin/receipts/{year}/receipts.zip");
        using var archive = new ZipArchive(await zip.Content.ReadAsStreamAsync());
        Assert.Empty(archive.Entries);
        Assert.DoesNotContain("1 place Bellecour", Html.Text(await (await other.GetAsync($"/admin/receipts?year={year}")).Content.ReadAsStringAsync()));
        var anonymous = await _host.Browser().GetAsync($"/admin/receipts/{year}/{id}.pdf");
        Assert.NotEqual(HttpStatusCode.OK, anonymous.StatusCode);
    }

    private static List<KeyValuePair<string, string>> Settings() =>
    [
        new("Input.TaxReceiptsEnabled", "true"),
        new("Input.LegalName", "Association des Relais"),
        new("Input.StreetAddress", "1 rue de la Paix"),
        new("Input.PostalCode", "75002"),
        new("Input.City", "Paris"),
        new("Input.Purpose", "Aider les nouveau-nés de Riga"),
        new("Input.Statuses", nameof(BeneficiaryStatus.GeneralInterest)),
        new("Input.Statuses", nameof(BeneficiaryStatus.HelpForPeopleInNeed)),
        new("Input.Articles", nameof(TaxArticles.Article200)),
        new("Input.SignatoryName", "Anna Berzina"),
        new("Input.SignatoryRole", "Présidente"),
    ];

    /// <summary>The words of a PDF as Debian's pdftotext reads them (poppler-utils, installed by scripts/test.sh).</summary>
    private static async Task<string> PdfTextAsync(byte[] pdf)
    {
        const string tool = "/usr/bin/pdftotext";
        if (!File.Exists(tool))
        {
            if (Environment.GetEnvironmentVariable("CI") == "true")
            {
                throw new InvalidOperationException("pdftotext is missing: run the tests through scripts/test.sh, which installs poppler-utils.");
            }
            Assert.Skip("pdftotext is missing: install poppler-utils to read the receipts' text.");
        }
        var file = Path.GetTempFileName();
        try
        {
            await File.WriteAllBytesAsync(file, pdf);
            using var process = Process.Start(new ProcessStartInfo(tool, [file, "-"]) { RedirectStandardOutput = true, RedirectStandardError = true })!;
            var text = await process.StandardOutput.ReadToEndAsync();
            await process.WaitForExitAsync();
            Assert.Equal(0, process.ExitCode);
            return System.Text.RegularExpressions.Regex.Replace(text, "\\s+", " ");
        }
        finally
        {
            File.Delete(file);
        }
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> probe, bool expected)
    {
        var deadline = DateTimeOffset.UtcNow.AddSeconds(20);
        while (await probe() != expected && DateTimeOffset.UtcNow < deadline)
        {
            await Task.Delay(100);
        }
        // Leaves time for a second email that should not come.
        await Task.Delay(500);
    }
}

public sealed class ReceiptsOnSqlite(SqliteHost host) : ReceiptTests(host), IClassFixture<SqliteHost>;

public sealed class ReceiptsOnPostgres(PostgresHost host) : ReceiptTests(host), IClassFixture<PostgresHost>;
