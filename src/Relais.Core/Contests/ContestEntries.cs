using Microsoft.EntityFrameworkCore;
using Relais.Data;

namespace Relais.Contests;

/// <summary>
/// Enters one of an organization's fundraisers or teams into a contest (its organizer's own, or
/// another organization's through the join code), with an empty tally on each board.
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
        db.ContestTallies.Add(new ContestTally { EntryId = entry.Id, ContestId = contest.Id, Board = ContestBoard.Main });
        db.ContestTallies.Add(new ContestTally { EntryId = entry.Id, ContestId = contest.Id, Board = ContestBoard.Bonus });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            return ContestMessages.AlreadyEntered;
        }
        return null;
    }
}
