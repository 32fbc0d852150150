using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Relais.Activities;
using Relais.Data;
using Relais.Outbox;

namespace Relais.Giving;

/// <summary>
/// The one place a donation changes state. The caller holds a transaction; the move is a
/// conditional UPDATE on the current state, so two deliveries racing for the same donation move it
/// once, and the totals of the fundraiser, page and team change in the same transaction: no total
/// is ever counted twice.
/// </summary>
public sealed class DonationLedger(IEnumerable<IDonationObserver> observers)
{
    /// <summary>Returns the move made, or null when the donation was already there or cannot go there.</summary>
    public async Task<DonationMove?> MoveAsync(RelaisDb db, Donation donation, DonationStatus to, DateTimeOffset now, CancellationToken ct)
    {
        if (!DonationRules.CanMove(donation.Status, to))
        {
            return null;
        }
        var moves = await MoveManyAsync(db, [donation], to, now, ct);
        return moves.Count == 0 ? null : moves[0];
    }

    /// <summary>
    /// Moves distinct donations that all stand in the same state to the same new state with one
    /// statement per step rather than one per donation (a burst of webhook deliveries). If any of
    /// them moved meanwhile, it throws: the caller rolls back and moves them one by one. A single
    /// donation that moved meanwhile is simply not moved (no move is returned).
    /// </summary>
    public async Task<IReadOnlyList<DonationMove>> MoveManyAsync(
        RelaisDb db, IReadOnlyList<Donation> donations, DonationStatus to, DateTimeOffset now, CancellationToken ct)
    {
        var from = donations[0].Status;
        if (donations.Any(d => d.Status != from) || !DonationRules.CanMove(from, to))
        {
            throw new ArgumentException($"Only donations that all stand in a state that can move to {to} are moved together.", nameof(donations));
        }
        var ids = donations.Select(d => d.Id).ToHashSet();
        if (ids.Count != donations.Count)
        {
            throw new ArgumentException("A donation is moved once per batch.", nameof(donations));
        }
        var moved = await db.Donations
            .Where(d => ids.Contains(d.Id) && d.Status == from)
            .ExecuteUpdateAsync(s =>
            {
                s.SetProperty(d => d.Status, to);
                if (to == DonationStatus.Refunded)
                {
                    s.SetProperty(d => d.RefundedAt, now);
                }
                else
                {
                    s.SetProperty(d => d.SettledAt, now);
                }
            }, ct);
        if (moved != donations.Count)
        {
            if (donations.Count == 1)
            {
                return [];
            }
            throw new DbUpdateConcurrencyException($"{donations.Count - moved} of {donations.Count} donations moved meanwhile; move them one by one.");
        }
        var moves = new List<DonationMove>(donations.Count);
        foreach (var donation in donations)
        {
            donation.Status = to;
            if (to == DonationStatus.Refunded)
            {
                donation.RefundedAt = now;
            }
            else
            {
                donation.SettledAt = now;
            }
            moves.Add(new DonationMove(donation, from, to, now));
        }
        var delta = DonationRules.CountDelta(from, to);
        if (delta != 0)
        {
            await UpdateTotalsAsync(db, donations, ids, delta, ct);
        }
        if (to == DonationStatus.Succeeded)
        {
            await RecordDonatedAsync(db, donations, now, ct);
        }
        foreach (var observer in observers)
        {
            await observer.OnMovedManyAsync(db, moves, ct);
        }
        return moves;
    }

    /// <summary>
    /// A gift that succeeded is the donor's action, as a signature is when it is stored: the
    /// Donated activity, the thank-you queued in the same transaction, and the donor marked due for
    /// the ladder (their LastActiveAt passes the ladder's last placement).
    /// </summary>
    private static async Task RecordDonatedAsync(RelaisDb db, IReadOnlyList<Donation> donations, DateTimeOffset now, CancellationToken ct)
    {
        var activities = donations.Select(d => Donated(d, now)).ToList();
        await db.InsertAsync(activities, ct);
        await db.InsertAsync(activities.Zip(donations, (activity, donation) => ThankYouMessage.For(activity, donation.Language, now)).ToList(), ct);
        var donors = donations.Select(d => d.SupporterId).Distinct().ToList();
        await db.Supporters.Where(s => donors.Contains(s.Id))
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.LastActiveAt, now), ct);
    }

    private static Activity Donated(Donation donation, DateTimeOffset now) => new()
    {
        OrganizationId = donation.OrganizationId,
        SupporterId = donation.SupporterId,
        Type = ActivityType.Donated,
        CampaignId = donation.CampaignId,
        ActionId = donation.FundraiserId,
        OccurredAt = now,
        Comment = donation.DonorMessage,
        Source = donation.Source,
    };

    private static async Task UpdateTotalsAsync(RelaisDb db, IReadOnlyList<Donation> donations, HashSet<Guid> moved, int delta, CancellationToken ct)
    {
        foreach (var group in donations.GroupBy(d => d.FundraiserId))
        {
            var fundraiserId = group.Key;
            var (amount, count, donors) = await ChangeAsync(db, group, moved, delta, d => d.FundraiserId == fundraiserId, ct);
            await db.Fundraisers.Where(f => f.Id == fundraiserId).ExecuteUpdateAsync(s => s
                .SetProperty(f => f.RaisedMinor, f => f.RaisedMinor + amount)
                .SetProperty(f => f.DonationCount, f => f.DonationCount + count)
                .SetProperty(f => f.DonorCount, f => f.DonorCount + donors), ct);
        }
        foreach (var group in donations.Where(d => d.FundraisingPageId != null).GroupBy(d => d.FundraisingPageId!.Value))
        {
            var pageId = group.Key;
            var (amount, count, donors) = await ChangeAsync(db, group, moved, delta, d => d.FundraisingPageId == pageId, ct);
            await db.FundraisingPages.Where(p => p.Id == pageId).ExecuteUpdateAsync(s => s
                .SetProperty(p => p.RaisedMinor, p => p.RaisedMinor + amount)
                .SetProperty(p => p.DonationCount, p => p.DonationCount + count)
                .SetProperty(p => p.DonorCount, p => p.DonorCount + donors), ct);
        }
        foreach (var group in donations.Where(d => d.FundraisingTeamId != null).GroupBy(d => d.FundraisingTeamId!.Value))
        {
            var teamId = group.Key;
            var (amount, count, donors) = await ChangeAsync(db, group, moved, delta, d => d.FundraisingTeamId == teamId, ct);
            await db.FundraisingTeams.Where(t => t.Id == teamId).ExecuteUpdateAsync(s => s
                .SetProperty(t => t.RaisedMinor, t => t.RaisedMinor + amount)
                .SetProperty(t => t.DonationCount, t => t.DonationCount + count)
                .SetProperty(t => t.DonorCount, t => t.DonorCount + donors), ct);
        }
    }

    /// <summary>
    /// What the moved donations of one fundraiser, page or team change in its totals. A donor
    /// counts once: only their first success adds one, and only the refund of their last one takes
    /// it away, so the donors that count are those with no other success there.
    /// </summary>
    private static async Task<(long Amount, int Count, int Donors)> ChangeAsync(
        RelaisDb db, IEnumerable<Donation> donations, HashSet<Guid> moved, int delta, Expression<Func<Donation, bool>> sameTotal, CancellationToken ct)
    {
        var list = donations.ToList();
        var supporters = list.Select(d => d.SupporterId).Distinct().ToList();
        var alreadyCounted = await db.Donations.Where(sameTotal)
            .Where(d => supporters.Contains(d.SupporterId) && !moved.Contains(d.Id) && d.Status == DonationStatus.Succeeded)
            .Select(d => d.SupporterId).Distinct().CountAsync(ct);
        return (list.Sum(d => d.AmountMinor) * delta, list.Count * delta, (supporters.Count - alreadyCounted) * delta);
    }
}
