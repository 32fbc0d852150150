using Relais.Organizations;

namespace Relais.Channels;

/// <summary>
/// A segmented audience, by country and/or topic, as NGOs split their accounts (Amnesty France,
/// Amnesty Algeria, press, LGBTQI). Supporters join through their actions or by choice.
/// </summary>
public sealed class Channel : IOrganizationOwned
{
    public const int NameMax = 200;
    public const int SlugMax = 80;

    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid OrganizationId { get; init; }
    public required string Name { get; set; }
    public required string Slug { get; set; }

    /// <summary>ISO 3166-1 alpha-2 code when the channel speaks to one country.</summary>
    public string? Country { get; set; }

    public string? Topic { get; set; }
    public string? Description { get; set; }

    /// <summary>Offered to supporters on their preferences page.</summary>
    public bool OpenToChoice { get; set; } = true;

    public DateTimeOffset CreatedAt { get; init; } = DateTimeOffset.UtcNow;
}

/// <summary>A supporter in a channel; one per channel and person.</summary>
public sealed class ChannelMembership : IOrganizationOwned
{
    public Guid ChannelId { get; init; }
    public Guid SupporterId { get; init; }
    public Guid OrganizationId { get; init; }

    /// <summary>How they came: "action:{actionId}", "choice", "organizer", "import:{id}".</summary>
    public string Source { get; init; } = "organizer";

    public DateTimeOffset JoinedAt { get; init; } = DateTimeOffset.UtcNow;
}
