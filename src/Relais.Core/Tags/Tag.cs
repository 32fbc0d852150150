using Relais.Organizations;

namespace Relais.Tags;

/// <summary>A free label organizers put on supporters ("volunteer", "press", "import 2026-05").</summary>
public sealed class Tag : IOrganizationOwned
{
    public const int NameMax = 100;

    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid OrganizationId { get; init; }
    public required string Name { get; set; }

    /// <summary>Trimmed and lower-cased: "Press" and " press " are one tag.</summary>
    public required string NormalizedName { get; set; }

    public DateTimeOffset CreatedAt { get; init; } = DateTimeOffset.UtcNow;

    public static string Normalize(string name) => name.Trim().ToLowerInvariant();
}

/// <summary>A tag on a supporter; at most once, whatever the races.</summary>
public sealed class SupporterTag : IOrganizationOwned
{
    public Guid SupporterId { get; init; }
    public Guid TagId { get; init; }
    public Guid OrganizationId { get; init; }
    public DateTimeOffset TaggedAt { get; init; } = DateTimeOffset.UtcNow;

    /// <summary>Who or what put it there: "organizer", "import:{id}".</summary>
    public string Source { get; init; } = "organizer";
}
