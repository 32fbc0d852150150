using Microsoft.EntityFrameworkCore;
using Relais.Contests;
using Relais.Data;
using Relais.Organizations;

namespace Relais.Web.Pages.Admin.Contests;

/// <summary>An organization's own fundraisers or teams that could enter a contest, named for a select.</summary>
public sealed record EntryChoice(Guid Id, string Name, string Currency);

public static class EntryChoices
{
    public static async Task<IReadOnlyList<EntryChoice>> ForAsync(RelaisDb db, Guid organizationId, ContestEntryKind kind, CancellationToken ct)
    {
        if (kind == ContestEntryKind.Teams)
        {
            return await db.FundraisingTeams.InOrganization(organizationId)
                .Join(db.Fundraisers, t => t.FundraiserId, f => f.Id, (t, f) => new EntryChoice(t.Id, t.Name, f.Currency))
                .OrderBy(c => c.Name).ToListAsync(ct);
        }
        var fundraisers = await db.Fundraisers.InOrganization(organizationId)
            .Select(f => new { f.Id, f.Currency, Title = db.CampaignTexts.Where(t => t.CampaignId == f.CampaignId).OrderBy(t => t.Language).Select(t => t.Title).FirstOrDefault() })
            .ToListAsync(ct);
        return fundraisers.Select(f => new EntryChoice(f.Id, f.Title ?? f.Id.ToString(), f.Currency)).OrderBy(c => c.Name, StringComparer.CurrentCulture).ToList();
    }
}
