namespace Relais.Contests;

public enum ContestOrder
{
    Amount,
    Donors,
}

/// <summary>One line of a board.</summary>
public sealed record ContestStanding(Guid EntryId, string DisplayName, long AmountMinor, int DonationCount, int DonorCount)
{
    public int Rank { get; init; }
}

/// <summary>
/// How a board orders its entries: by the chosen figure, then by the other one, then by name and
/// id, so that two requests never show a tie in two different orders.
/// </summary>
public static class ContestRanking
{
    public static IReadOnlyList<ContestStanding> Rank(IEnumerable<ContestStanding> standings, ContestOrder order)
    {
        var sorted = order == ContestOrder.Amount
            ? standings.OrderByDescending(s => s.AmountMinor).ThenByDescending(s => s.DonorCount)
            : standings.OrderByDescending(s => s.DonorCount).ThenByDescending(s => s.AmountMinor);
        return sorted.ThenBy(s => s.DisplayName, StringComparer.Ordinal).ThenBy(s => s.EntryId)
            .Select((s, i) => s with { Rank = i + 1 })
            .ToList();
    }
}
