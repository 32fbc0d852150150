namespace Relais.Web.Giving;

/// <summary>
/// Gives real-world outcome figures of campaigns (people who gave money, people who gave items,
/// quantities received), shown beside signatures on the campaign page and the organizer's
/// dashboard. Each action feature (fundraisers, drives) registers one.
/// </summary>
public interface ICampaignOutcomeSource
{
    Task<IReadOnlyList<CampaignOutcome>> ForCampaignsAsync(Guid organizationId, IReadOnlyCollection<Guid> campaignIds, CancellationToken ct);
}

/// <summary>
/// One figure of a campaign. <paramref name="Label"/> is an English text localized when shown
/// ("people gave money"); <paramref name="Detail"/> is shown as typed (an item and its unit);
/// <paramref name="Currency"/> marks <paramref name="Figure"/> as minor units of money.
/// </summary>
public sealed record CampaignOutcome(Guid CampaignId, string Label, long Figure, string? Detail = null, string? Currency = null);
