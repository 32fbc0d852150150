using Relais.Activities;

namespace Relais.Segments;

public enum SegmentMatch
{
    All,
    Any,
}

public enum ConditionKind
{
    TookAction,
    TookActivityType,
    LadderRank,
    Tag,
    Group,
    Channel,
    Country,
    PostalCodePrefix,
    Language,
    EmailConsent,
    ActiveWithin,
    ActiveBefore,
}

public enum RankComparison
{
    Equal,
    AtLeast,
    AtMost,
}

/// <summary>
/// One row of a segment. Only the fields of its <see cref="Kind"/> are set; <see cref="Negate"/>
/// turns "took" into "did not take", "has tag" into "has not", and so on.
/// </summary>
public sealed record SegmentCondition
{
    public required ConditionKind Kind { get; init; }
    public bool Negate { get; init; }

    /// <summary>The petition, tag, local group or channel named by the condition.</summary>
    public Guid? Id { get; init; }

    public ActivityType? ActivityType { get; init; }

    /// <summary>First day of the period, inclusive (UTC).</summary>
    public DateOnly? From { get; init; }

    /// <summary>Last day of the period, inclusive (UTC).</summary>
    public DateOnly? To { get; init; }

    public RankComparison Comparison { get; init; }
    public int? Rank { get; init; }
    public bool LeadersOnly { get; init; }
    public IReadOnlyList<string> Countries { get; init; } = [];
    public string? PostalCodePrefix { get; init; }
    public string? Language { get; init; }
    public int? Days { get; init; }
    public DateOnly? Before { get; init; }
}

/// <summary>A saved segment's conditions: all of them, or any of them.</summary>
public sealed record SegmentDefinition(SegmentMatch Match, IReadOnlyList<SegmentCondition> Conditions)
{
    public const int MaxConditions = 20;

    public static SegmentDefinition Everyone { get; } = new(SegmentMatch.All, []);
}
