using Relais.Supporters;

namespace Relais.Ladder;

public static class LadderQueries
{
    /// <summary>Supporters whose last activity is newer than their placement, or never placed.</summary>
    public static IQueryable<Supporter> DueForLadder(this IQueryable<Supporter> supporters) =>
        supporters.Where(s => s.LadderEvaluatedAt == null || s.LadderEvaluatedAt < s.LastActiveAt);
}
