using Microsoft.EntityFrameworkCore;
using Relais.Data;
using Relais.Organizations;

namespace Relais.Ladder;

/// <summary>An open action to offer a supporter after they acted: the next rung up the ladder.</summary>
public sealed record NextStep(Guid CampaignId, string Slug, string Title, string CallToAction, int LadderRank);

public static class NextSteps
{
    /// <summary>
    /// The open petition of a published campaign of the organization whose level is above both the
    /// supporter's rank and the level of the action just taken, lowest level first; never that
    /// action, nor one the supporter already took. Null when there is none.
    /// </summary>
    public static async Task<NextStep?> FindAsync(
        this RelaisDb db, Guid organizationId, Guid actionTaken, int supporterRank, Guid? supporterId, string language, CancellationToken ct)
    {
        var actionRank = await db.Petitions.AsNoTracking().InOrganization(organizationId)
            .Where(p => p.Id == actionTaken).Select(p => (int?)p.LadderRank).SingleOrDefaultAsync(ct) ?? 0;
        var above = Math.Max(supporterRank, actionRank);
        var candidates = db.Petitions.AsNoTracking().InOrganization(organizationId)
            .Where(p => p.IsOpen && p.Id != actionTaken && p.LadderRank > above && p.Campaign!.IsPublished);
        if (supporterId is { } id)
        {
            candidates = candidates.Where(p => !db.Activities.Any(a => a.SupporterId == id && a.ActionId == p.Id));
        }
        var next = await candidates
            .OrderBy(p => p.LadderRank)
            .ThenByDescending(p => p.Campaign!.PublishedAt)
            .Select(p => new { p.CampaignId, p.Campaign!.Slug, p.LadderRank, p.Campaign.Languages })
            .FirstOrDefaultAsync(ct);
        if (next is null)
        {
            return null;
        }
        var texts = await db.CampaignTexts.AsNoTracking().Where(t => t.CampaignId == next.CampaignId).ToListAsync(ct);
        var text = texts.FirstOrDefault(t => t.Language == language)
            ?? texts.FirstOrDefault(t => next.Languages.StartsWith(t.Language, StringComparison.Ordinal))
            ?? texts.FirstOrDefault();
        return text is null ? null : new NextStep(next.CampaignId, next.Slug, text.Title, text.CallToAction, next.LadderRank);
    }

}
