using System.Net;
using Microsoft.EntityFrameworkCore;
using Relais.Contests;
using Relais.Drives;
using Relais.Giving;
using Relais.Messaging;
using Relais.Receipts;
using Relais.Web.Tests.Contests;
using Relais.Web.Tests.Delivery;
using static Relais.Web.Tests.Supporters.SupporterArrange;

namespace Relais.Web.Tests.Supporters;

/// <summary>What a merge does with what two records of one person gave, pledged, ran and received.</summary>
public abstract class SupporterMergeGivingTests(RelaisHost host)
{
    [Fact]
    public async Task Merge_GiftsPagesPledgesReceiptsAndMessages_AllMoveAndDonorsCountOnce()
    {
        host.SkipIfUnavailable();
        var organization = await host.Data.OrganizationAsync();
        var campaign = await host.Data.CampaignAsync(organization.Id);
        var fundraiser = await host.Data.FundraiserAsync(organization.Id, campaign.Id);
        var contest = await host.ContestAsync(organization.Id, DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        await host.EnterAsync(contest, organization.Id, "Entry", fundraiser);
        var (survivorEmail, otherEmail) = (Unique("gives"), Unique("gives-too"));
        await host.Data.DonationAsync(organization.Id, fundraiser, 1_000, email: survivorEmail);
        await host.Data.DonationAsync(organization.Id, fundraiser, 2_000, email: otherEmail);
        var survivor = await SupporterAsync(host, organization.Id, survivorEmail);
        var other = await SupporterAsync(host, organization.Id, otherEmail);
        var shared = await host.Data.MessageAsync(organization.Id);
        var theirs = await host.Data.MessageAsync(organization.Id);
        Guid pageId = default, teamId = default, pledgeId = default, receiptId = default;
        await ChangeAsync(host, async db =>
        {
            var team = new FundraisingTeam { OrganizationId = organization.Id, FundraiserId = fundraiser, CaptainSupporterId = other.Id, Name = "Team", Slug = "t-" + Guid.NewGuid().ToString("N")[..10] };
            var page = new FundraisingPage { OrganizationId = organization.Id, FundraiserId = fundraiser, SupporterId = other.Id, TeamId = team.Id, Title = "My page", Slug = "p-" + Guid.NewGuid().ToString("N")[..10] };
            var drive = new Drive { OrganizationId = organization.Id, CampaignId = campaign.Id };
            var need = new DriveNeed { OrganizationId = organization.Id, DriveId = drive.Id, Item = "Nappies", Unit = "packs", QuantityWanted = 100 };
            var point = new DropOffPoint { OrganizationId = organization.Id, DriveId = drive.Id, Name = "Centre", Address = "1 Brivibas iela", City = "Riga", OpeningHours = "Mon 09:00-18:00" };
            drive.Needs.Add(need);
            drive.Points.Add(point);
            var pledge = new ItemPledge { OrganizationId = organization.Id, DriveId = drive.Id, NeedId = need.Id, DropOffPointId = point.Id, SupporterId = other.Id, DropOffDate = DateOnly.FromDateTime(DateTime.UtcNow), Quantity = 3 };
            var receipt = new TaxReceipt { OrganizationId = organization.Id, SupporterId = other.Id, Year = 2025, Number = 1, DonorName = "Other", AmountMinor = 2_000, DonationCount = 1 };
            (pageId, teamId, pledgeId, receiptId) = (page.Id, team.Id, pledge.Id, receipt.Id);
            db.AddRange(team, page, drive, pledge, receipt,
                new MessageRecipient { MessageId = shared.Id, SupporterId = survivor.Id },
                new MessageRecipient { MessageId = shared.Id, SupporterId = other.Id },
                new MessageRecipient { MessageId = theirs.Id, SupporterId = other.Id });
            await Task.CompletedTask;
        });
        Assert.Equal(2, (await host.BoardAsync(contest.Slug)).Lines("byAmount").Single().Donors);
        var browser = await host.Browser().LoginAsync(organization.OrganizerEmail);
        var url = $"/admin/supporters/{survivor.Id}";

        var response = await browser.SubmitAsync(url, new Dictionary<string, string> { ["MergeEmail"] = otherEmail }, url + "?handler=Merge");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.False(await host.Data.QueryAsync(db => db.Supporters.AnyAsync(s => s.Id == other.Id)));
        Assert.Equal(survivor.Id, await host.Data.QueryAsync(db => db.FundraisingPages.Where(p => p.Id == pageId).Select(p => p.SupporterId).SingleAsync()));
        Assert.Equal(survivor.Id, await host.Data.QueryAsync(db => db.FundraisingTeams.Where(t => t.Id == teamId).Select(t => t.CaptainSupporterId).SingleAsync()));
        Assert.Equal(survivor.Id, await host.Data.QueryAsync(db => db.ItemPledges.Where(p => p.Id == pledgeId).Select(p => p.SupporterId).SingleAsync()));
        Assert.Equal(survivor.Id, await host.Data.QueryAsync(db => db.TaxReceipts.Where(r => r.Id == receiptId).Select(r => r.SupporterId).SingleAsync()));
        var received = await host.Data.QueryAsync(db => db.MessageRecipients.Where(r => r.SupporterId == survivor.Id).Select(r => r.MessageId).ToListAsync());
        Assert.Equal([shared.Id, theirs.Id], received.Order());
        var totals = await host.Data.QueryAsync(db => db.Fundraisers.SingleAsync(f => f.Id == fundraiser));
        Assert.Equal((3_000L, 2, 1), (totals.RaisedMinor, totals.DonationCount, totals.DonorCount));
        Assert.Equal([("Entry", 3_000L, 1)], (await host.BoardAsync(contest.Slug)).Lines("byAmount"));
        var donor = await host.Data.QueryAsync(db => db.ContestDonors.SingleAsync(d => d.SupporterId == survivor.Id && d.Board == ContestBoard.Main));
        Assert.Equal(2, donor.Donations);
    }

    [Fact]
    public async Task Merge_BothWithATaxReceiptForOneYearOrAPageOfOneFundraiser_RefusedAndNothingMoves()
    {
        host.SkipIfUnavailable();
        var organization = await host.Data.OrganizationAsync();
        var campaign = await host.Data.CampaignAsync(organization.Id);
        var fundraiser = await host.Data.FundraiserAsync(organization.Id, campaign.Id);
        var (first, second, third) = (Unique("receipt-a"), Unique("receipt-b"), Unique("page-b"));
        await host.Data.DonationAsync(organization.Id, fundraiser, 1_000, email: first);
        await host.Data.DonationAsync(organization.Id, fundraiser, 1_000, email: second);
        await host.Data.DonationAsync(organization.Id, fundraiser, 1_000, email: third);
        var (a, b, c) = (await SupporterAsync(host, organization.Id, first), await SupporterAsync(host, organization.Id, second), await SupporterAsync(host, organization.Id, third));
        await ChangeAsync(host, async db =>
        {
            db.AddRange(
                new TaxReceipt { OrganizationId = organization.Id, SupporterId = a.Id, Year = 2025, Number = 1, DonorName = "A" },
                new TaxReceipt { OrganizationId = organization.Id, SupporterId = b.Id, Year = 2025, Number = 2, DonorName = "B" },
                new FundraisingPage { OrganizationId = organization.Id, FundraiserId = fundraiser, SupporterId = a.Id, Title = "A", Slug = "p-" + Guid.NewGuid().ToString("N")[..10] },
                new FundraisingPage { OrganizationId = organization.Id, FundraiserId = fundraiser, SupporterId = c.Id, Title = "C", Slug = "p-" + Guid.NewGuid().ToString("N")[..10] });
            await Task.CompletedTask;
        });
        var browser = await host.Browser().LoginAsync(organization.OrganizerEmail);
        var url = $"/admin/supporters/{a.Id}";

        var receipts = await browser.SubmitAsync(url, new Dictionary<string, string> { ["MergeEmail"] = second }, url + "?handler=Merge");
        var pages = await browser.SubmitAsync(url, new Dictionary<string, string> { ["MergeEmail"] = third }, url + "?handler=Merge");

        Assert.Equal(HttpStatusCode.Conflict, receipts.StatusCode);
        Assert.Contains("Both records were issued a tax receipt for the same year.", Html.Text(await receipts.Content.ReadAsStringAsync()));
        Assert.Equal(HttpStatusCode.Conflict, pages.StatusCode);
        Assert.Contains("Both records run a personal fundraising page of the same fundraiser", Html.Text(await pages.Content.ReadAsStringAsync()));
        Assert.Equal(3, await host.Data.SupportersAsync(organization.Id));
        Assert.Equal(1, await host.Data.QueryAsync(db => db.Donations.CountAsync(d => d.SupporterId == b.Id)));
        Assert.Equal(3, await host.Data.QueryAsync(db => db.Fundraisers.Where(f => f.Id == fundraiser).Select(f => f.DonorCount).SingleAsync()));
    }
}

public sealed class SupporterMergeGivingOnSqlite(SqliteHost host) : SupporterMergeGivingTests(host), IClassFixture<SqliteHost>;

public sealed class SupporterMergeGivingOnPostgres(PostgresHost host) : SupporterMergeGivingTests(host), IClassFixture<PostgresHost>;
