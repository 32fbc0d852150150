using Microsoft.EntityFrameworkCore;
using Relais.Activities;
using Relais.Data;
using Relais.Organizations;

namespace Relais.Relays;

public sealed record RelayBoardEntry(string Name, int Brought);

/// <summary>
/// The public board of a campaign's top relays: only the supporters who chose to appear on it,
/// under the name they chose, with how many people they brought to the campaign.
/// </summary>
public static class RelayBoard
{
    public const int Size = 50;

    public static async Task<IReadOnlyList<RelayBoardEntry>> TopAsync(RelaisDb db, Guid organizationId, Guid campaignId, CancellationToken ct)
    {
        var counts = db.Activities.AsNoTracking().InOrganization(organizationId)
            .Where(a => a.CampaignId == campaignId && a.Type == ActivityType.Referred)
            .GroupBy(a => a.SupporterId)
            .Select(g => new { SupporterId = g.Key, Brought = g.Count() });
        var rows = await db.Supporters.AsNoTracking().InOrganization(organizationId)
            .Where(s => s.ShowOnRelayBoard && s.ErasedAt == null)
            .Join(counts, s => s.Id, c => c.SupporterId, (s, c) => new { s.RelayBoardName, s.FirstName, s.LastName, c.Brought, s.Id })
            .OrderByDescending(r => r.Brought).ThenBy(r => r.Id)
            .Take(Size)
            .ToListAsync(ct);
        return rows.Select(r => new RelayBoardEntry(r.RelayBoardName ?? RelayBoardNames.Default(r.FirstName, r.LastName), r.Brought)).ToList();
    }
}
