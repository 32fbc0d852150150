using Relais.Organizations;

namespace Relais.Segments;

/// <summary>A saved query over supporters: actions taken or not, level, tags, groups, place, language, consent, recency.</summary>
public sealed class Segment : IOrganizationOwned
{
    public const int NameMax = 200;
    public const int DefinitionMax = 8_000;

    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid OrganizationId { get; init; }
    public required string Name { get; set; }

    /// <summary>The conditions as JSON.</summary>
    public string Definition { get; set; } = "{}";

    public DateTimeOffset CreatedAt { get; init; } = DateTimeOffset.UtcNow;
    public DateTimeOffset UpdatedAt { get; set; } = DateTimeOffset.UtcNow;
}
