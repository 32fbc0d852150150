using Relais.Organizations;

namespace Relais.Ladder;

/// <summary>
/// One rung of an organization's engagement ladder (350.org: 1 Aware, 2 Participant, 3 Mobiliser,
/// 4 Leader), with the rules over activities that place a supporter on it.
/// </summary>
public sealed class LadderLevel : IOrganizationOwned
{
    public const int NameMax = 100;
    public const int DescriptionMax = 1_000;
    public const int RulesMax = 4_000;

    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid OrganizationId { get; init; }

    /// <summary>1 for the lowest rung; unique per organization.</summary>
    public int Rank { get; set; }

    public required string NameFr { get; set; }
    public required string NameEn { get; set; }
    public string DescriptionFr { get; set; } = "";
    public string DescriptionEn { get; set; } = "";

    /// <summary>The rules as JSON; any one of them satisfied places a supporter at least here.</summary>
    public string Rules { get; set; } = "[]";
}

/// <summary>A recorded change of a supporter's ladder level, up or down.</summary>
public sealed class LadderMove : IOrganizationOwned
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid OrganizationId { get; init; }
    public Guid SupporterId { get; init; }
    public int FromRank { get; init; }
    public int ToRank { get; init; }
    public DateTimeOffset MovedAt { get; init; } = DateTimeOffset.UtcNow;

    /// <summary>What caused it, in words: the rule that matched, "merge", "rules changed".</summary>
    public string Reason { get; init; } = "";
}
