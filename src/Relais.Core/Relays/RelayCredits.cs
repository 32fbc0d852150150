using Microsoft.EntityFrameworkCore;
using Relais.Activities;
using Relais.Data;
using Relais.Supporters;

namespace Relais.Relays;

/// <summary>
/// The relays to credit in one group commit of signatures. Set-based: one read of the relays, one
/// of the credits already given (only when returning supporters came through a relay), one insert
/// of the Referred activities and one update of the relays' activity date, all in the signatures'
/// transaction, so a credit exists exactly when its signature does.
/// </summary>
internal sealed class RelayCredits
{
    private readonly List<(Guid RelayId, Activity Signed, Supporter Supporter, bool IsNew)> _candidates = [];
    private readonly HashSet<Guid> _credited = [];

    public void Add(Guid? relayId, Activity signed, Supporter supporter, bool isNew)
    {
        // Nobody is credited for bringing themselves.
        if (relayId is { } id && id != supporter.Id)
        {
            _candidates.Add((id, signed, supporter, isNew));
        }
    }

    /// <summary>
    /// Keeps the credits whose relay exists in the signer's organization and was not credited for
    /// this person and action before, sets who brought each new supporter (before their row is
    /// inserted), and returns the Referred activities to insert.
    /// </summary>
    public async Task<List<Activity>> ResolveAsync(RelaisDb db, DateTimeOffset now)
    {
        if (_candidates.Count == 0)
        {
            return [];
        }
        var relayIds = _candidates.Select(c => c.RelayId).Distinct().ToList();
        var relays = await db.Supporters.AsNoTracking()
            .Where(s => relayIds.Contains(s.Id) && s.ErasedAt == null)
            .ToDictionaryAsync(s => s.Id, s => s.OrganizationId);
        // New people cannot have been credited to anyone yet: most batches skip this query.
        var returning = _candidates.Where(c => !c.IsNew).Select(c => c.Supporter.Id).Distinct().ToList();
        var given = returning.Count == 0
            ? []
            : (await db.Activities
                    .Where(a => a.Type == ActivityType.Referred && a.ReferredSupporterId != null
                        && returning.Contains(a.ReferredSupporterId.Value) && relayIds.Contains(a.SupporterId))
                    .Select(a => new { a.SupporterId, Brought = a.ReferredSupporterId!.Value, a.ActionId })
                    .ToListAsync())
                .Select(a => (a.SupporterId, a.Brought, a.ActionId))
                .ToHashSet();
        var referred = new List<Activity>();
        foreach (var (relayId, signed, supporter, isNew) in _candidates)
        {
            if (!relays.TryGetValue(relayId, out var organizationId) || organizationId != signed.OrganizationId
                || !given.Add((relayId, supporter.Id, signed.ActionId)))
            {
                continue;
            }
            if (isNew)
            {
                supporter.ReferredById = relayId;
            }
            referred.Add(new Activity
            {
                OrganizationId = signed.OrganizationId,
                SupporterId = relayId,
                Type = ActivityType.Referred,
                CampaignId = signed.CampaignId,
                ActionId = signed.ActionId,
                ReferredSupporterId = supporter.Id,
                OccurredAt = now,
                Source = signed.Source,
            });
            _credited.Add(relayId);
        }
        return referred;
    }

    /// <summary>A credit is an action of the relay: the ladder re-places them.</summary>
    public async Task TouchRelaysAsync(RelaisDb db, DateTimeOffset now)
    {
        if (_credited.Count == 0)
        {
            return;
        }
        var ids = _credited.ToList();
        await db.Supporters.Where(s => ids.Contains(s.Id))
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.LastActiveAt, now));
    }
}
