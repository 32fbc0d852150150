using Relais.Organizations;

namespace Relais.Sharing;

/// <summary>
/// One ready-made post of an action's share kit, for one network and one language. Supporters
/// pick one on the thank-you page and personalise it before sharing it with their relay link.
/// </summary>
public sealed class ShareKitPost : IOrganizationOwned
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid OrganizationId { get; init; }
    public Guid CampaignId { get; init; }

    /// <summary>The action the post asks people to take (today a petition).</summary>
    public Guid ActionId { get; init; }

    /// <summary>One of <see cref="ShareNetworks.All"/>.</summary>
    public required string Network { get; set; }

    public required string Language { get; set; }
    public required string Text { get; set; }

    /// <summary>Order among the posts of the same action, network and language, from 0.</summary>
    public int Position { get; set; }

    public DateTimeOffset UpdatedAt { get; set; } = DateTimeOffset.UtcNow;
}
