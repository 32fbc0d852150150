using Relais.Organizations;

namespace Relais.Giving;

public enum DonationStatus
{
    Pending,
    Succeeded,
    Failed,
    Refunded,
}

/// <summary>
/// One gift of money to a fundraiser, possibly through a supporter's personal fundraising page.
/// Created pending when the donor presses the pay button; moved only by <see cref="DonationLedger"/>.
/// </summary>
public sealed class Donation : IOrganizationOwned
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid OrganizationId { get; set; }
    public Guid FundraiserId { get; set; }
    public Guid? CampaignId { get; set; }
    public Guid SupporterId { get; set; }

    /// <summary>The personal fundraising page it was given through, and that page's team then.</summary>
    public Guid? FundraisingPageId { get; set; }
    public Guid? FundraisingTeamId { get; set; }

    public long AmountMinor { get; set; }
    public string Currency { get; set; } = Currencies.Default;
    public DonationStatus Status { get; set; } = DonationStatus.Pending;

    /// <summary>The payment provider's key: "offline", "stripe", "helloasso", "paypal".</summary>
    public required string Provider { get; set; }

    /// <summary>For an offline promise: "transfer", "cash" or "cheque".</summary>
    public string? OfflineMethod { get; set; }

    /// <summary>The provider's id of the payment (checkout session, checkout intent, order); unique per provider.</summary>
    public string? ProviderReference { get; set; }

    /// <summary>
    /// The token of the form the donor submitted: unique per fundraiser, so a double-clicked pay
    /// button makes one donation.
    /// </summary>
    public required string IdempotencyKey { get; set; }

    public string? DonorMessage { get; set; }

    /// <summary>Shown as "Anonymous" on the donor wall and to other donors; organizers still see who gave.</summary>
    public bool IsAnonymous { get; set; }

    /// <summary>The name shown on the donor wall when not anonymous.</summary>
    public string? DisplayName { get; set; }

    /// <summary>The donor asked for a tax receipt (their postal address is then on the supporter).</summary>
    public bool WantsTaxReceipt { get; set; }

    public string Language { get; set; } = Languages.French;

    /// <summary>Where it came from: "web", "embed:…", "demo", "import".</summary>
    public string Source { get; set; } = "web";

    public DateTimeOffset CreatedAt { get; init; } = DateTimeOffset.UtcNow;

    /// <summary>When it succeeded or failed.</summary>
    public DateTimeOffset? SettledAt { get; set; }
    public DateTimeOffset? RefundedAt { get; set; }

    public Money Amount => new(AmountMinor, Currency);
}
