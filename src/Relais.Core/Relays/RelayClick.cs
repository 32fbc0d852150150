using Relais.Organizations;

namespace Relais.Relays;

/// <summary>
/// One click on a relay's personal link. Holds who shared, where and when; never the visitor's
/// address or anything else about them.
/// </summary>
public sealed class RelayClick : IOrganizationOwned
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid OrganizationId { get; init; }

    /// <summary>The supporter whose link was followed.</summary>
    public Guid RelayId { get; init; }

    public Guid CampaignId { get; init; }

    /// <summary>The campaign's action at the time (its petition), when it has one.</summary>
    public Guid? ActionId { get; init; }

    /// <summary>One of <see cref="Sharing.ShareNetworks"/>, or null when the link did not say.</summary>
    public string? Network { get; init; }

    public DateTimeOffset ClickedAt { get; init; }
}
