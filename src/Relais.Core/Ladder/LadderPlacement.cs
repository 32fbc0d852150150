namespace Relais.Ladder;

/// <summary>A level's rank with its parsed conditions, as placement needs it.</summary>
public sealed record LadderStep(int Rank, IReadOnlyList<LadderCondition> Conditions);

/// <summary>Where a supporter stands, and the condition that put them there ("" on rank 0).</summary>
public readonly record struct Placement(int Rank, string Reason);

public static class LadderPlacement
{
    public const string NoRuleHolds = "no rule holds";

    /// <summary>The highest level with a condition that holds; 0 when none does.</summary>
    public static Placement Place(IEnumerable<LadderStep> levels, SupporterFacts facts)
    {
        foreach (var level in levels.OrderByDescending(l => l.Rank))
        {
            var matched = level.Conditions.FirstOrDefault(c => c.HoldsFor(facts));
            if (matched is not null)
            {
                return new Placement(level.Rank, matched.Describe());
            }
        }
        return new Placement(0, NoRuleHolds);
    }
}
