using Microsoft.EntityFrameworkCore;
using Relais.Actions;
using Relais.Data;

namespace Relais.Ladder;

/// <summary>An open action to offer a supporter after they acted; <see cref="Path"/> is where it is taken.</summary>
public sealed record NextStep(Guid CampaignId, string Slug, string Title, string CallToAction, int LadderRank, ActionType Type = ActionType.Petition)
{
    public string Path => CampaignActions.PathOf(Type, Slug);
}

public static class NextSteps
{
    /// <summary>
    /// What to offer after <paramref name="actionTaken"/>: first the same campaign's next open
    /// action in the order of a campaign's steps (sign, then give, then pledge: Critical Exposure
    /// asked relays first and donors second); then the open action of another published campaign
    /// of the organization whose level is above both the supporter's rank and the level of the
    /// action just taken, lowest level first, newest campaign first. Never the action taken, nor
    /// one the supporter already took. Null when there is none.
    /// </summary>
    public static async Task<NextStep?> FindAsync(
        this RelaisDb db, Guid organizationId, Guid actionTaken, int supporterRank, Guid? supporterId, string language, CancellationToken ct)
    {
        var open = CampaignActions.Published(db, organizationId).Where(a => a.IsOpen && a.Id != actionTaken);
        if (supporterId is { } id)
        {
            open = open.Where(a => !db.Activities.Any(x => x.SupporterId == id && x.ActionId == a.Id));
        }
        var taken = await CampaignActions.Published(db, organizationId).Where(a => a.Id == actionTaken)
            .Select(a => new { a.CampaignId, a.Type, a.LadderRank }).FirstOrDefaultAsync(ct);
        CampaignAction? next = null;
        if (taken is not null)
        {
            next = (await open.Where(a => a.CampaignId == taken.CampaignId).ToListAsync(ct))
                .Where(a => a.Type > taken.Type)
                .OrderBy(a => a.Type)
                .FirstOrDefault();
        }
        if (next is null)
        {
            var above = Math.Max(supporterRank, taken?.LadderRank ?? 0);
            var elsewhere = open.Where(a => a.LadderRank > above);
            if (taken is not null)
            {
                elsewhere = elsewhere.Where(a => a.CampaignId != taken.CampaignId);
            }
            next = await elsewhere.OrderBy(a => a.LadderRank).ThenByDescending(a => a.PublishedAt).ThenBy(a => a.Type).FirstOrDefaultAsync(ct);
        }
        if (next is null)
        {
            return null;
        }
        var campaign = await db.Campaigns.AsNoTracking().Where(c => c.Id == next.CampaignId)
            .Select(c => new { c.Slug, c.Languages }).SingleAsync(ct);
        var texts = await db.CampaignTexts.AsNoTracking().Where(t => t.CampaignId == next.CampaignId).ToListAsync(ct);
        var text = texts.FirstOrDefault(t => t.Language == language)
            ?? texts.FirstOrDefault(t => campaign.Languages.StartsWith(t.Language, StringComparison.Ordinal))
            ?? texts.FirstOrDefault();
        return text is null ? null : new NextStep(next.CampaignId, campaign.Slug, text.Title, text.CallToAction, next.LadderRank, next.Type);
    }
}
