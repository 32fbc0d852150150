using Relais.Data;
using Relais.Drives;

namespace Relais.Actions;

/// <summary>The kinds of action a campaign offers, in the order a campaign asks for them: sign, then give, then pledge.</summary>
public enum ActionType
{
    Petition = 1,
    Fundraiser = 2,
    Drive = 3,
}

/// <summary>One action of a campaign, whatever its kind, as the ladder's next steps and the automatic emails see it.</summary>
public sealed class CampaignAction
{
    public ActionType Type { get; init; }
    public Guid Id { get; init; }
    public Guid CampaignId { get; init; }
    public int LadderRank { get; init; }
    public bool IsOpen { get; init; }
    public DateTimeOffset? PublishedAt { get; init; }
}

public static class CampaignActions
{
    /// <summary>Every action of the organization's published campaigns, as one query (a UNION ALL of petitions, fundraisers and drives).</summary>
    public static IQueryable<CampaignAction> Published(RelaisDb db, Guid organizationId) => Of(db, organizationId, published: true);

    /// <summary>Every action of the organization, its campaign published or not.</summary>
    public static IQueryable<CampaignAction> All(RelaisDb db, Guid organizationId) => Of(db, organizationId, published: false);

    private static IQueryable<CampaignAction> Of(RelaisDb db, Guid organizationId, bool published) =>
        db.Petitions.Where(p => p.OrganizationId == organizationId && (!published || p.Campaign!.IsPublished))
            .Select(p => new CampaignAction
            {
                Type = ActionType.Petition,
                Id = p.Id,
                CampaignId = p.CampaignId,
                LadderRank = p.LadderRank,
                IsOpen = p.IsOpen,
                PublishedAt = p.Campaign!.PublishedAt,
            })
            .Concat(db.Fundraisers.Where(f => f.OrganizationId == organizationId && (!published || f.Campaign!.IsPublished))
                .Select(f => new CampaignAction
                {
                    Type = ActionType.Fundraiser,
                    Id = f.Id,
                    CampaignId = f.CampaignId,
                    LadderRank = f.LadderRank,
                    IsOpen = f.IsOpen,
                    PublishedAt = f.Campaign!.PublishedAt,
                }))
            .Concat(db.Drives.Where(d => d.OrganizationId == organizationId && (!published || (d.Campaign!.IsPublished && d.Needs.Count > 0 && d.Points.Count > 0)))
                .Select(d => new CampaignAction
                {
                    Type = ActionType.Drive,
                    Id = d.Id,
                    CampaignId = d.CampaignId,
                    LadderRank = d.LadderRank,
                    IsOpen = d.IsOpen,
                    PublishedAt = d.Campaign!.PublishedAt,
                }));

    /// <summary>Where an action of a campaign is taken.</summary>
    public static string PathOf(ActionType type, string slug) => type switch
    {
        ActionType.Fundraiser => $"/c/{Uri.EscapeDataString(slug)}/give",
        ActionType.Drive => $"/c/{Uri.EscapeDataString(slug)}/bring",
        _ => $"/c/{Uri.EscapeDataString(slug)}",
    };
}
