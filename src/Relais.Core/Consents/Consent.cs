using Relais.Organizations;

namespace Relais.Consents;

/// <summary>Why an organization may use a supporter's data.</summary>
public static class ConsentPurposes
{
    /// <summary>Counting the signature and passing it to the petition's target.</summary>
    public const string PetitionSignature = "petition-signature";

    /// <summary>Recording a gift to process it, thank the donor and send their receipt.</summary>
    public const string Donation = "donation";

    /// <summary>Recording an in-kind pledge and contacting the pledger about bringing it.</summary>
    public const string ItemPledge = "item-pledge";

    /// <summary>Showing a supporter's fundraising page publicly and contacting them about it.</summary>
    public const string FundraisingPage = "fundraising-page";

    /// <summary>Receiving email updates from the organization; never implied by a signature.</summary>
    public const string EmailUpdates = "email-updates";

    /// <summary>Belonging to a channel the supporter chose on their preferences page.</summary>
    public static string Channel(Guid channelId) => $"channel:{channelId}";
}

/// <summary>
/// An append-only record of what a supporter agreed to (or withdrew), when, through which form
/// and with which exact wording (GDPR, article 7).
/// </summary>
public sealed class Consent : IOrganizationOwned
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid OrganizationId { get; init; }
    public Guid SupporterId { get; init; }
    public required string Purpose { get; init; }
    public bool Granted { get; init; }

    /// <summary>A grant that waits for the double opt-in link; a later confirming record completes it.</summary>
    public bool AwaitingConfirmation { get; init; }
    public required string Wording { get; init; }
    public int WordingVersion { get; init; }
    public string Language { get; init; } = Languages.French;

    /// <summary>The form it was given through, e.g. "petition:{id}".</summary>
    public required string Source { get; init; }

    public DateTimeOffset RecordedAt { get; init; } = DateTimeOffset.UtcNow;
}
