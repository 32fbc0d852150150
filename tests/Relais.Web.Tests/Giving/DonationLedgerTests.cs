using Microsoft.EntityFrameworkCore;
using Relais.Activities;
using Relais.Giving;

namespace Relais.Web.Tests.Giving;

/// <summary>The one place a donation changes state, on the real databases.</summary>
public abstract class DonationLedgerTests(RelaisHost host)
{
    [Fact]
    public async Task Move_SuccessesAndRefund_TotalsCountEachDonorOnce()
    {
        host.SkipIfUnavailable();
        var organization = await host.Data.OrganizationAsync();
        var campaign = await host.Data.CampaignAsync(organization.Id);
        var fundraiser = await host.Data.FundraiserAsync(organization.Id, campaign.Id);

        await host.Data.DonationAsync(organization.Id, fundraiser, 1_000, email: "ana@example.org");
        var second = await host.Data.DonationAsync(organization.Id, fundraiser, 2_500, email: "ana@example.org");
        await host.Data.DonationAsync(organization.Id, fundraiser, 5_000, DonationStatus.Refunded, email: "bo@example.org");
        await host.Data.DonationAsync(organization.Id, fundraiser, 7_000, DonationStatus.Failed);
        await host.Data.DonationAsync(organization.Id, fundraiser, 9_000, DonationStatus.Pending);

        var totals = await host.Data.QueryAsync(db => db.Fundraisers.SingleAsync(f => f.Id == fundraiser));
        Assert.Equal(3_500, totals.RaisedMinor);
        Assert.Equal(2, totals.DonationCount);
        Assert.Equal(1, totals.DonorCount);
        var donated = await host.Data.QueryAsync(db => db.Activities.CountAsync(a => a.ActionId == fundraiser && a.Type == ActivityType.Donated));
        Assert.Equal(3, donated);

        await host.Data.QueryAsync(async db =>
        {
            var ledger = new DonationLedger([]);
            var donation = await db.Donations.SingleAsync(d => d.Id == second);
            await using var transaction = await db.Database.BeginTransactionAsync();
            var refund = await ledger.MoveAsync(db, donation, DonationStatus.Refunded, DateTimeOffset.UtcNow, default);
            var again = await ledger.MoveAsync(db, donation, DonationStatus.Refunded, DateTimeOffset.UtcNow, default);
            await transaction.CommitAsync();
            Assert.NotNull(refund);
            Assert.Null(again);
            return 0;
        });
        totals = await host.Data.QueryAsync(db => db.Fundraisers.SingleAsync(f => f.Id == fundraiser));
        Assert.Equal(1_000, totals.RaisedMinor);
        Assert.Equal(1, totals.DonationCount);
        Assert.Equal(1, totals.DonorCount);
    }

    [Fact]
    public async Task Move_StaleCopyOfTheDonation_MovesNothing()
    {
        host.SkipIfUnavailable();
        var organization = await host.Data.OrganizationAsync();
        var campaign = await host.Data.CampaignAsync(organization.Id);
        var fundraiser = await host.Data.FundraiserAsync(organization.Id, campaign.Id);
        var id = await host.Data.DonationAsync(organization.Id, fundraiser, 1_000, DonationStatus.Pending);

        await host.Data.QueryAsync(async db =>
        {
            var ledger = new DonationLedger([]);
            var first = await db.Donations.AsNoTracking().SingleAsync(d => d.Id == id);
            var stale = await db.Donations.AsNoTracking().SingleAsync(d => d.Id == id);
            await using var transaction = await db.Database.BeginTransactionAsync();
            Assert.NotNull(await ledger.MoveAsync(db, first, DonationStatus.Succeeded, DateTimeOffset.UtcNow, default));
            // A second delivery that read the donation while it was still pending moves nothing.
            Assert.Null(await ledger.MoveAsync(db, stale, DonationStatus.Succeeded, DateTimeOffset.UtcNow, default));
            await transaction.CommitAsync();
            return 0;
        });

        var totals = await host.Data.QueryAsync(db => db.Fundraisers.SingleAsync(f => f.Id == fundraiser));
        Assert.Equal(1_000, totals.RaisedMinor);
        Assert.Equal(1, totals.DonationCount);
    }

    [Fact]
    public async Task MoveMany_SuccessesOfSeveralDonors_CountLikeOneByOne()
    {
        host.SkipIfUnavailable();
        var organization = await host.Data.OrganizationAsync();
        var campaign = await host.Data.CampaignAsync(organization.Id);
        var fundraiser = await host.Data.FundraiserAsync(organization.Id, campaign.Id);
        await host.Data.DonationAsync(organization.Id, fundraiser, 1_000, email: "ana@example.org");
        var pending = new List<Guid>();
        foreach (var (amount, email) in new[] { (2_000L, "ana@example.org"), (3_000L, "bo@example.org"), (4_000L, "bo@example.org"), (500L, "cy@example.org") })
        {
            pending.Add(await host.Data.DonationAsync(organization.Id, fundraiser, amount, DonationStatus.Pending, email));
        }

        var moves = await host.Data.QueryAsync(async db =>
        {
            var donations = await db.Donations.AsNoTracking().Where(d => pending.Contains(d.Id)).ToListAsync();
            await using var transaction = await db.Database.BeginTransactionAsync();
            var moved = await new DonationLedger([]).MoveManyAsync(db, donations, DonationStatus.Succeeded, DateTimeOffset.UtcNow, default);
            await transaction.CommitAsync();
            return moved;
        });

        Assert.Equal(4, moves.Count);
        Assert.All(moves, m => Assert.Equal((DonationStatus.Pending, DonationStatus.Succeeded), (m.From, m.To)));
        var totals = await host.Data.QueryAsync(db => db.Fundraisers.SingleAsync(f => f.Id == fundraiser));
        Assert.Equal(10_500, totals.RaisedMinor);
        Assert.Equal(5, totals.DonationCount);
        // Ana was counted before; Bo counts once for two gifts; Cy is new.
        Assert.Equal(3, totals.DonorCount);
        var donated = await host.Data.QueryAsync(db => db.Activities.CountAsync(a => a.ActionId == fundraiser && a.Type == ActivityType.Donated));
        Assert.Equal(5, donated);
    }

    [Fact]
    public async Task MoveMany_OneOfThemMovedMeanwhile_ThrowsAndTheTransactionKeepsNothing()
    {
        host.SkipIfUnavailable();
        var organization = await host.Data.OrganizationAsync();
        var campaign = await host.Data.CampaignAsync(organization.Id);
        var fundraiser = await host.Data.FundraiserAsync(organization.Id, campaign.Id);
        var first = await host.Data.DonationAsync(organization.Id, fundraiser, 1_000, DonationStatus.Pending);
        var second = await host.Data.DonationAsync(organization.Id, fundraiser, 2_000, DonationStatus.Pending);

        await host.Data.QueryAsync(async db =>
        {
            var ledger = new DonationLedger([]);
            var stale = await db.Donations.AsNoTracking().Where(d => d.Id == first || d.Id == second).ToListAsync();
            await using (var transaction = await db.Database.BeginTransactionAsync())
            {
                await ledger.MoveAsync(db, await db.Donations.AsNoTracking().SingleAsync(d => d.Id == second), DonationStatus.Succeeded, DateTimeOffset.UtcNow, default);
                await transaction.CommitAsync();
            }
            await using (var transaction = await db.Database.BeginTransactionAsync())
            {
                await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => ledger.MoveManyAsync(db, stale, DonationStatus.Succeeded, DateTimeOffset.UtcNow, default));
            }
            return 0;
        });

        Assert.Equal(DonationStatus.Pending, await host.Data.QueryAsync(db => db.Donations.Where(d => d.Id == first).Select(d => d.Status).SingleAsync()));
        var totals = await host.Data.QueryAsync(db => db.Fundraisers.SingleAsync(f => f.Id == fundraiser));
        Assert.Equal(2_000, totals.RaisedMinor);
        Assert.Equal(1, totals.DonationCount);
    }
}

public sealed class DonationLedgerOnSqlite(SqliteHost host) : DonationLedgerTests(host), IClassFixture<SqliteHost>;

public sealed class DonationLedgerOnPostgres(PostgresHost host) : DonationLedgerTests(host), IClassFixture<PostgresHost>;
