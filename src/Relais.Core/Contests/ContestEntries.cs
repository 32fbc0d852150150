using Microsoft.EntityFrameworkCore;
using Relais.Data;
using Relais.Giving;

namespace Relais.Contests;

/// <summary>
/// Enters one of an organization's fundraisers or teams into a contest (its organizer's own, or
/// another organization's through the join code), with a tally on each board of what it already
/// raised within the contest's period.
/// </summary>
public static class ContestEntries
{
    public const string WrongKind = ContestMessages.WrongKind;
    public const string NotYours = ContestMessages.NotYours;

    /// <summary>Returns the message key of the refusal, or null when entered.</summary>
    public static async Task<string?> EnterAsync(
        RelaisDb db, Contest contest, Guid organizationId, Guid? fundraiserId, Guid? teamId, string? displayName, DateTimeOffset now, CancellationToken ct)
    {
        if (contest.FrozenAt is not null || contest.Period.IsOver(now))
        {
            return ContestMessages.Frozen;
        }
        if ((contest.EntryKind == ContestEntryKind.Fundraisers) != (fundraiserId is not null) || (fundraiserId is null) == (teamId is null))
        {
            return WrongKind;
        }
        string currency;
        string name;
        if (fundraiserId is { } id)
        {
            var fundraiser = await db.Fundraisers.Where(f => f.Id == id && f.OrganizationId == organizationId)
                .Select(f => new { f.Currency, Organization = db.Organizations.Where(o => o.Id == f.OrganizationId).Select(o => o.Name).Single() })
                .SingleOrDefaultAsync(ct);
            if (fundraiser is null)
            {
                return NotYours;
            }
            (currency, name) = (fundraiser.Currency, fundraiser.Organization);
        }
        else
        {
            var team = await db.FundraisingTeams.Where(t => t.Id == teamId && t.OrganizationId == organizationId)
                .Join(db.Fundraisers, t => t.FundraiserId, f => f.Id, (t, f) => new { t.Name, f.Currency })
                .SingleOrDefaultAsync(ct);
            if (team is null)
            {
                return NotYours;
            }
            (currency, name) = (team.Currency, team.Name);
        }
        if (currency != contest.Currency)
        {
            return ContestMessages.CurrencyMismatch;
        }
        if (await db.ContestEntries.AnyAsync(e => e.ContestId == contest.Id && ((fundraiserId != null && e.FundraiserId == fundraiserId) || (teamId != null && e.TeamId == teamId)), ct))
        {
            return ContestMessages.AlreadyEntered;
        }
        await using var transaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        // Lock the fundraiser (or team) row the ledger updates when one of its donations moves: a
        // move in flight commits before the count below, and a later one sees the entry.
        if (fundraiserId is { } lockedFundraiser)
        {
            await db.Fundraisers.Where(f => f.Id == lockedFundraiser).ExecuteUpdateAsync(s => s.SetProperty(f => f.DonationCount, f => f.DonationCount), ct);
        }
        else
        {
            await db.FundraisingTeams.Where(t => t.Id == teamId).ExecuteUpdateAsync(s => s.SetProperty(t => t.DonationCount, t => t.DonationCount), ct);
        }
        var entry = new ContestEntry
        {
            ContestId = contest.Id,
            OrganizationId = organizationId,
            FundraiserId = fundraiserId,
            TeamId = teamId,
            DisplayName = string.IsNullOrWhiteSpace(displayName) ? name : displayName.Trim(),
            CreatedAt = now,
        };
        db.ContestEntries.Add(entry);
        db.ContestTallies.Add(await CountedSoFarAsync(db, contest, entry, ContestBoard.Main, ct));
        db.ContestTallies.Add(await CountedSoFarAsync(db, contest, entry, ContestBoard.Bonus, ct));
        try
        {
            await db.SaveChangesAsync(ct);
            await ContestTallies.BoardChangedAsync(db, contest.Id, ct);
            if (transaction is not null)
            {
                await transaction.CommitAsync(ct);
            }
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            return ContestMessages.AlreadyEntered;
        }
        return null;
    }

    /// <summary>
    /// The board's tally of what the entry raised since the contest started, so that joining late
    /// counts the gifts of the period already made, and its donors, one row each.
    /// </summary>
    private static async Task<ContestTally> CountedSoFarAsync(RelaisDb db, Contest contest, ContestEntry entry, ContestBoard board, CancellationToken ct)
    {
        var tally = new ContestTally { EntryId = entry.Id, ContestId = contest.Id, Board = board };
        var period = contest.Period;
        if (board == ContestBoard.Bonus && !period.HasBonus)
        {
            return tally;
        }
        var (from, until) = board == ContestBoard.Main
            ? (period.StartsAt, period.EndsAt)
            : (Max(period.StartsAt, period.BonusStartsAt!.Value), Min(period.EndsAt, period.BonusEndsAt!.Value));
        var donors = await db.Donations
            .Where(d => d.Status == DonationStatus.Succeeded && d.Currency == contest.Currency && d.SettledAt >= from && d.SettledAt < until)
            .Where(d => entry.FundraiserId != null ? d.FundraiserId == entry.FundraiserId : d.FundraisingTeamId == entry.TeamId)
            .GroupBy(d => d.SupporterId)
            .Select(g => new { SupporterId = g.Key, Amount = g.Sum(d => d.AmountMinor), Donations = g.Count() })
            .ToListAsync(ct);
        tally.AmountMinor = donors.Sum(d => d.Amount);
        tally.DonationCount = donors.Sum(d => d.Donations);
        tally.DonorCount = donors.Count;
        db.ContestDonors.AddRange(donors.Select(d => new ContestDonor { EntryId = entry.Id, Board = board, SupporterId = d.SupporterId, Donations = d.Donations }));
        return tally;
    }

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;
}
