using Microsoft.EntityFrameworkCore;
using Relais.Activities;
using Relais.Data;
using Relais.Drives;
using Relais.Petitions;

namespace Relais.Actions;

/// <summary>The figures an email or page quotes for an action: how many took it, and toward what goal.</summary>
public static class ActionFigures
{
    /// <summary>
    /// Signatures and the displayed goal for a petition; donors and the goal in major units for a
    /// fundraiser (a gift, or a page opened under it); items pledged and wanted for a drive.
    /// Stored counters, never a COUNT(*).
    /// </summary>
    public static async Task<(long Count, long Goal)> ForAsync(RelaisDb db, ActivityType type, Guid actionId, CancellationToken ct)
    {
        switch (type)
        {
            case ActivityType.Donated or ActivityType.Hosted:
                var fundraiser = await db.Fundraisers.AsNoTracking().Where(f => f.Id == actionId)
                    .Select(f => new { f.DonorCount, f.GoalMinor, f.Currency }).SingleOrDefaultAsync(ct);
                return fundraiser is null ? (0, 0) : (fundraiser.DonorCount, fundraiser.GoalMinor / Giving.Currencies.UnitOf(fundraiser.Currency));
            case ActivityType.Pledged:
                var needs = await db.DriveNeeds.AsNoTracking().Where(n => n.DriveId == actionId)
                    .Select(n => new { n.PledgedQuantity, n.QuantityWanted }).ToListAsync(ct);
                return (needs.Sum(n => n.PledgedQuantity), needs.Sum(n => (long)n.QuantityWanted));
            default:
                var petition = await db.Petitions.AsNoTracking().Where(p => p.Id == actionId)
                    .Select(p => new { p.SignatureCount, p.Goal }).SingleOrDefaultAsync(ct);
                return petition is null ? (0, 0) : (petition.SignatureCount, Petition.DisplayedGoal(petition.SignatureCount, petition.Goal));
        }
    }
}
