using Microsoft.EntityFrameworkCore;
using Relais.Activities;
using Relais.Data;
using Relais.Supporters;

namespace Relais.Relays;

/// <summary>
/// What a merge does to the relay tree: the people the other record brought, its clicks and the
/// credits naming it move to the survivor; a credit that would name the survivor twice for the
/// person and action, or for bringing themselves, goes.
/// </summary>
internal static class RelayMerge
{
    public static async Task MoveAsync(RelaisDb db, Supporter survivor, Guid otherId, CancellationToken ct)
    {
        var survivorId = survivor.Id;
        Guid Merged(Guid id) => id == otherId ? survivorId : id;
        // Runs before the other's activities become the survivor's, so the unique credit index never trips.
        var credits = await db.Activities.AsNoTracking()
            .Where(a => a.Type == ActivityType.Referred
                && (a.SupporterId == survivorId || a.SupporterId == otherId
                    || a.ReferredSupporterId == survivorId || a.ReferredSupporterId == otherId))
            .Select(a => new { a.Id, a.SupporterId, a.ReferredSupporterId, a.ActionId, a.OccurredAt })
            .ToListAsync(ct);
        var dropped = credits
            .GroupBy(a => (Relay: Merged(a.SupporterId), Brought: Merged(a.ReferredSupporterId ?? Guid.Empty), a.ActionId))
            .SelectMany(g => g.Key.Relay == g.Key.Brought
                ? g.Select(a => a.Id)
                : g.OrderBy(a => a.OccurredAt).ThenBy(a => a.Id).Skip(1).Select(a => a.Id))
            .ToList();
        if (dropped.Count > 0)
        {
            await db.Activities.Where(a => dropped.Contains(a.Id)).ExecuteDeleteAsync(ct);
        }
        await db.Activities.Where(a => a.Type == ActivityType.Referred && a.ReferredSupporterId == otherId)
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.ReferredSupporterId, survivorId), ct);
        await db.Supporters.Where(s => s.ReferredById == otherId && s.Id != survivorId)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.ReferredById, survivorId), ct);
        await db.RelayClicks.Where(c => c.RelayId == otherId)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.RelayId, survivorId), ct);
        if (survivor.ReferredById == otherId)
        {
            survivor.ReferredById = null;
        }
    }
}
