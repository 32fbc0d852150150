using Microsoft.EntityFrameworkCore;
using Relais.Activities;
using Relais.Data;

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
        var from = donation.Status;
        if (!DonationRules.CanMove(from, to))
        {
            return null;
        }
        var settledAt = to is DonationStatus.Succeeded or DonationStatus.Failed ? now : donation.SettledAt;
        var refundedAt = to == DonationStatus.Refunded ? now : donation.RefundedAt;
        var moved = await db.Donations
            .Where(d => d.Id == donation.Id && d.Status == from)
            .ExecuteUpdateAsync(s => s
                .SetProperty(d => d.Status, to)
                .SetProperty(d => d.SettledAt, settledAt)
                .SetProperty(d => d.RefundedAt, refundedAt), ct);
        if (moved == 0)
        {
            return null;
        }
        donation.Status = to;
        donation.SettledAt = settledAt;
        donation.RefundedAt = refundedAt;
        var move = new DonationMove(donation, from, to, now);
        if (move.CountDelta != 0)
        {
            await UpdateTotalsAsync(db, donation, move.CountDelta, ct);
        }
        if (to == DonationStatus.Succeeded)
        {
            db.Activities.Add(new Activity
            {
                OrganizationId = donation.OrganizationId,
                SupporterId = donation.SupporterId,
                Type = ActivityType.Donated,
                CampaignId = donation.CampaignId,
                ActionId = donation.FundraiserId,
                OccurredAt = now,
                Comment = donation.DonorMessage,
                Source = donation.Source,
            });
            await db.SaveChangesAsync(ct);
        }
        foreach (var observer in observers)
        {
            await observer.OnMovedAsync(db, move, ct);
        }
        return move;
    }

    private static async Task UpdateTotalsAsync(RelaisDb db, Donation donation, int delta, CancellationToken ct)
    {
        var amount = donation.AmountMinor * delta;
        var others = db.Donations.Where(d => d.SupporterId == donation.SupporterId
            && d.Id != donation.Id && d.Status == DonationStatus.Succeeded);
        // A donor counts once per fundraiser, page and team: only their first success adds one, and
        // only the refund of their last one takes it away.
        var newDonor = !await others.AnyAsync(d => d.FundraiserId == donation.FundraiserId, ct) ? delta : 0;
        await db.Fundraisers.Where(f => f.Id == donation.FundraiserId).ExecuteUpdateAsync(s => s
            .SetProperty(f => f.RaisedMinor, f => f.RaisedMinor + amount)
            .SetProperty(f => f.DonationCount, f => f.DonationCount + delta)
            .SetProperty(f => f.DonorCount, f => f.DonorCount + newDonor), ct);
        if (donation.FundraisingPageId is { } pageId)
        {
            var newPageDonor = !await others.AnyAsync(d => d.FundraisingPageId == pageId, ct) ? delta : 0;
            await db.FundraisingPages.Where(p => p.Id == pageId).ExecuteUpdateAsync(s => s
                .SetProperty(p => p.RaisedMinor, p => p.RaisedMinor + amount)
                .SetProperty(p => p.DonationCount, p => p.DonationCount + delta)
                .SetProperty(p => p.DonorCount, p => p.DonorCount + newPageDonor), ct);
        }
        if (donation.FundraisingTeamId is { } teamId)
        {
            var newTeamDonor = !await others.AnyAsync(d => d.FundraisingTeamId == teamId, ct) ? delta : 0;
            await db.FundraisingTeams.Where(t => t.Id == teamId).ExecuteUpdateAsync(s => s
                .SetProperty(t => t.RaisedMinor, t => t.RaisedMinor + amount)
                .SetProperty(t => t.DonationCount, t => t.DonationCount + delta)
                .SetProperty(t => t.DonorCount, t => t.DonorCount + newTeamDonor), ct);
        }
    }
}
