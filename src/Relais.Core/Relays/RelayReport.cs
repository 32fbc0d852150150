using Microsoft.EntityFrameworkCore;
using Relais.Activities;
using Relais.Data;
using Relais.Organizations;

namespace Relais.Relays;

/// <summary>Figures of one network: shares written by supporters and clicks on their links.</summary>
public sealed record NetworkFigures(string? Network, int Shares, int Clicks);

/// <summary>One action of the campaign (today its petition).</summary>
public sealed record ActionFigures(Guid ActionId, int Supporters, int Conversions, int NewSupportersBrought, int Clicks, int Shares)
{
    public double ViralCoefficient => Relays.ViralCoefficient.Of(NewSupportersBrought, Supporters);
}

public sealed record TopRelay(Guid SupporterId, string Name, bool Erased, int Conversions, int Clicks);

/// <summary>
/// What relays did for one campaign: shares and clicks per network, conversions, the viral
/// coefficient, the top relays and the relay tree. Each figure is one grouped query scoped to the
/// organization; the tree is built in memory from at most <see cref="MaxTreeLinks"/> links.
/// </summary>
public sealed record RelayReport(
    IReadOnlyList<NetworkFigures> Networks,
    IReadOnlyList<ActionFigures> Actions,
    int Supporters,
    int Conversions,
    int NewSupportersBrought,
    int Clicks,
    IReadOnlyList<TopRelay> TopRelays,
    RelayTree Tree,
    bool TreeTruncated)
{
    public const int MaxTreeLinks = 20_000;
    public const int TopCount = 20;

    public double ViralCoefficient => Relays.ViralCoefficient.Of(NewSupportersBrought, Supporters);

    /// <summary>Null when the campaign is not the organization's.</summary>
    public static async Task<RelayReport?> BuildAsync(RelaisDb db, Guid organizationId, Guid campaignId, CancellationToken ct)
    {
        if (!await db.Campaigns.InOrganization(organizationId).AnyAsync(c => c.Id == campaignId, ct))
        {
            return null;
        }
        var activities = db.Activities.AsNoTracking().InOrganization(organizationId).Where(a => a.CampaignId == campaignId);
        var clicks = db.RelayClicks.AsNoTracking().InOrganization(organizationId).Where(c => c.CampaignId == campaignId);

        var shares = await activities.Where(a => a.Type == ActivityType.Shared)
            .GroupBy(a => new { a.ActionId, a.Source })
            .Select(g => new { g.Key.ActionId, g.Key.Source, Count = g.Count() })
            .ToListAsync(ct);
        var clickCounts = await clicks.GroupBy(c => new { c.ActionId, c.Network })
            .Select(g => new { g.Key.ActionId, g.Key.Network, Count = g.Count() })
            .ToListAsync(ct);
        var perAction = await activities.Where(a => a.ActionId != null && (a.Type == ActivityType.Signed || a.Type == ActivityType.Referred))
            .GroupBy(a => new { ActionId = a.ActionId!.Value, a.Type })
            .Select(g => new { g.Key.ActionId, g.Key.Type, Count = g.Count() })
            .ToListAsync(ct);
        // A link of the tree: a credit that also made the person a new supporter (their first relay).
        var links = db.Supporters.AsNoTracking().InOrganization(organizationId)
            .Join(activities.Where(a => a.Type == ActivityType.Referred),
                s => new { Brought = (Guid?)s.Id, Relay = s.ReferredById },
                a => new { Brought = a.ReferredSupporterId, Relay = (Guid?)a.SupporterId },
                (s, a) => new { Relay = a.SupporterId, Brought = s.Id, a.ActionId, a.OccurredAt });
        var broughtPerAction = await links.Where(l => l.ActionId != null)
            .GroupBy(l => l.ActionId!.Value)
            .Select(g => new { ActionId = g.Key, Count = g.Count() })
            .ToListAsync(ct);
        var edges = await links.OrderBy(l => l.OccurredAt).Take(MaxTreeLinks + 1)
            .Select(l => new { l.Relay, l.Brought })
            .ToListAsync(ct);
        var supporters = await activities.Where(a => a.Type == ActivityType.Signed).Select(a => a.SupporterId).Distinct().CountAsync(ct);
        var newBrought = await links.Select(l => l.Brought).Distinct().CountAsync(ct);

        var top = await activities.Where(a => a.Type == ActivityType.Referred)
            .GroupBy(a => a.SupporterId)
            .Select(g => new { SupporterId = g.Key, Count = g.Count() })
            .OrderByDescending(g => g.Count).ThenBy(g => g.SupporterId)
            .Take(TopCount)
            .ToListAsync(ct);
        var topIds = top.Select(t => t.SupporterId).ToList();
        var names = await db.Supporters.AsNoTracking().InOrganization(organizationId)
            .Where(s => topIds.Contains(s.Id))
            .ToDictionaryAsync(s => s.Id, s => new { s.FullName, s.FirstName, s.LastName, s.ErasedAt }, ct);
        var topClicks = await clicks.Where(c => topIds.Contains(c.RelayId))
            .GroupBy(c => c.RelayId).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, ct);

        var actionIds = perAction.Select(a => a.ActionId)
            .Concat(clickCounts.Where(c => c.ActionId != null).Select(c => c.ActionId!.Value))
            .Concat(shares.Where(s => s.ActionId != null).Select(s => s.ActionId!.Value))
            .Distinct();
        var actions = actionIds.Select(id => new ActionFigures(
                id,
                perAction.Where(a => a.ActionId == id && a.Type == ActivityType.Signed).Sum(a => a.Count),
                perAction.Where(a => a.ActionId == id && a.Type == ActivityType.Referred).Sum(a => a.Count),
                broughtPerAction.Where(b => b.ActionId == id).Sum(b => b.Count),
                clickCounts.Where(c => c.ActionId == id).Sum(c => c.Count),
                shares.Where(s => s.ActionId == id).Sum(s => s.Count)))
            .ToList();
        var networks = shares.Select(s => s.Source).Concat(clickCounts.Select(c => c.Network)).Distinct()
            .Select(n => new NetworkFigures(n, shares.Where(s => s.Source == n).Sum(s => s.Count), clickCounts.Where(c => c.Network == n).Sum(c => c.Count)))
            .OrderByDescending(n => n.Shares + n.Clicks).ThenBy(n => n.Network)
            .ToList();
        return new RelayReport(
            networks,
            actions,
            supporters,
            perAction.Where(a => a.Type == ActivityType.Referred).Sum(a => a.Count),
            newBrought,
            clickCounts.Sum(c => c.Count),
            top.Select(t => names.TryGetValue(t.SupporterId, out var n)
                    ? new TopRelay(t.SupporterId, n.FullName, n.ErasedAt != null, t.Count, topClicks.GetValueOrDefault(t.SupporterId))
                    : new TopRelay(t.SupporterId, "", true, t.Count, topClicks.GetValueOrDefault(t.SupporterId)))
                .ToList(),
            RelayTree.Build(edges.Take(MaxTreeLinks).Select(e => new RelayEdge(e.Relay, e.Brought))),
            edges.Count > MaxTreeLinks);
    }
}
