using Microsoft.EntityFrameworkCore;
using Relais.Data;
using Relais.Drives;
using Relais.Web.Giving;

namespace Relais.Web.Drives;

/// <summary>What drives achieved: people who brought items (received, not only pledged) and the quantity received of each item.</summary>
public sealed class DriveOutcomes(IDbContextFactory<RelaisDb> dbFactory) : ICampaignOutcomeSource
{
    public const string PeopleLabel = "people gave items";
    public const string ReceivedLabel = "received";

    public async Task<IReadOnlyList<CampaignOutcome>> ForCampaignsAsync(Guid organizationId, IReadOnlyCollection<Guid> campaignIds, CancellationToken ct)
    {
        var ids = campaignIds.ToList();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var drives = await db.Drives.AsNoTracking()
            .Where(d => d.OrganizationId == organizationId && ids.Contains(d.CampaignId))
            .Select(d => new { d.Id, d.CampaignId })
            .ToDictionaryAsync(d => d.Id, d => d.CampaignId, ct);
        if (drives.Count == 0)
        {
            return [];
        }
        var driveIds = drives.Keys.ToList();
        var people = await db.ItemPledges
            .Where(p => p.OrganizationId == organizationId && driveIds.Contains(p.DriveId) && p.ReceivedQuantity > 0)
            .GroupBy(p => p.DriveId)
            .Select(g => new { DriveId = g.Key, People = g.Select(p => p.SupporterId).Distinct().Count() })
            .ToListAsync(ct);
        var needs = await db.DriveNeeds.AsNoTracking()
            .Where(n => n.OrganizationId == organizationId && driveIds.Contains(n.DriveId))
            .OrderBy(n => n.Position).ThenBy(n => n.Item)
            .ToListAsync(ct);
        var outcomes = new List<CampaignOutcome>();
        foreach (var (driveId, campaignId) in drives)
        {
            outcomes.Add(new CampaignOutcome(campaignId, PeopleLabel, people.FirstOrDefault(p => p.DriveId == driveId)?.People ?? 0));
            outcomes.AddRange(needs.Where(n => n.DriveId == driveId)
                .Select(n => new CampaignOutcome(campaignId, ReceivedLabel, n.ReceivedQuantity, $"{n.Item} ({n.Unit})")));
        }
        return outcomes;
    }
}
