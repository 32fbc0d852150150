using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Relais.Activities;
using Relais.Data;
using Relais.Messaging;
using Relais.Relays;
using Relais.Sharing;
using Relais.Web.Campaigns;

namespace Relais.Web.Sharing;

/// <summary>One network's posts on the thank-you page, and the link shared with them.</summary>
public sealed record ShareKitNetwork(string Network, IReadOnlyList<string> Posts, string Link);

/// <summary>
/// The share kit as a supporter sees it after acting: the action's posts in their language, each
/// network with the supporter's personal link, and the record of what they shared.
/// </summary>
public sealed class ShareKits(IDbContextFactory<RelaisDb> dbFactory, IOptions<PublicUrlOptions> url, TimeProvider clock)
{
    /// <summary>
    /// Every network, with the posts written in <paramref name="language"/> (or, when the kit has none
    /// in it, in the other language); a network without posts is offered with an empty text.
    /// </summary>
    public async Task<IReadOnlyList<ShareKitNetwork>> ForActionAsync(
        CampaignPage campaign, Guid actionId, string language, Guid? supporterId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var posts = await db.ShareKitPosts.AsNoTracking()
            .Where(p => p.OrganizationId == campaign.OrganizationId && p.ActionId == actionId)
            .OrderBy(p => p.Network).ThenBy(p => p.Position)
            .Select(p => new { p.Network, p.Language, p.Text })
            .ToListAsync(ct);
        var shown = posts.Any(p => p.Language == language) ? language : posts.FirstOrDefault()?.Language;
        return ShareNetworks.All
            .Select(network => new ShareKitNetwork(
                network,
                posts.Where(p => p.Network == network && p.Language == shown).Select(p => p.Text).ToList(),
                Link(campaign.Slug, supporterId, network)))
            .ToList();
    }

    /// <summary>The personal relay link when the supporter is known; the plain campaign link otherwise.</summary>
    public string Link(string slug, Guid? supporterId, string? network) =>
        url.Value.Link(supporterId is { } id ? RelayLinks.Path(slug, id, network) : "/c/" + Uri.EscapeDataString(slug));

    /// <summary>A Shared activity: what the relay reports count per network.</summary>
    public async Task RecordAsync(CampaignPage campaign, Guid actionId, Guid supporterId, string network, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        db.Activities.Add(new Activity
        {
            OrganizationId = campaign.OrganizationId,
            SupporterId = supporterId,
            Type = ActivityType.Shared,
            CampaignId = campaign.Id,
            ActionId = actionId,
            OccurredAt = clock.GetUtcNow(),
            Source = network,
        });
        await db.SaveChangesAsync(ct);
    }
}
