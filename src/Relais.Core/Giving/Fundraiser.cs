using Relais.Campaigns;
using Relais.Organizations;

namespace Relais.Giving;

/// <summary>
/// A fundraiser action of a campaign (one per campaign): a goal in a currency, suggested amounts and
/// the running totals of its succeeded donations.
/// </summary>
public sealed class Fundraiser : IOrganizationOwned
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid OrganizationId { get; set; }
    public Guid CampaignId { get; set; }
    public Campaign? Campaign { get; set; }

    public string Currency { get; set; } = Currencies.Default;

    /// <summary>The goal in minor units (cents).</summary>
    public long GoalMinor { get; set; } = 1_000_000;

    /// <summary>Suggested amounts in minor units, comma-separated, the first shown first ("1000,2500,5000": 10 €, 25 €, 50 €).</summary>
    public string SuggestedAmounts { get; set; } = "1000,2500,5000,10000";

    public bool AllowCustomAmount { get; set; } = true;
    public bool AllowDonorMessages { get; set; } = true;
    public bool ShowDonorWall { get; set; } = true;

    /// <summary>Supporters may open personal fundraising pages under this fundraiser.</summary>
    public bool AllowPersonalPages { get; set; } = true;

    /// <summary>Personal pages wait for an organizer's approval before they go public.</summary>
    public bool RequirePageApproval { get; set; }

    public bool IsOpen { get; set; } = true;

    /// <summary>The ladder level this action belongs to, for offering it as someone's next step.</summary>
    public int LadderRank { get; set; } = 3;

    /// <summary>
    /// Totals of succeeded donations, changed only by <see cref="DonationLedger"/> in the
    /// transaction that moves a donation, so that pages never sum donations.
    /// </summary>
    public long RaisedMinor { get; set; }
    public int DonationCount { get; set; }
    public int DonorCount { get; set; }

    public DateTimeOffset CreatedAt { get; init; } = DateTimeOffset.UtcNow;

    public IReadOnlyList<long> SuggestedAmountList => ParseAmounts(SuggestedAmounts);

    public static IReadOnlyList<long> ParseAmounts(string? csv) =>
        (csv ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(s => long.TryParse(s, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var v) ? v : 0)
            .Where(v => v > 0)
            .ToList();
}
