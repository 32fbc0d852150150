namespace Relais.Drives;

/// <summary>The arithmetic of needs, pledges and receptions.</summary>
public static class DriveRules
{
    /// <summary>
    /// What is still wanted of a need on <paramref name="date"/>: for a total need, the wanted
    /// quantity less everything pledged; for a per-day need, the day's quantity less what is pledged
    /// for that day. Never below zero.
    /// </summary>
    public static long Remaining(DriveNeed need, long pledgedOnDate) =>
        Math.Max(0, need.QuantityWanted - (need.Period == NeedPeriod.PerDay ? pledgedOnDate : need.PledgedQuantity));

    /// <summary>Whether a pledge of <paramref name="quantity"/> goes beyond what remains: it is accepted, and flagged.</summary>
    public static bool IsBeyondNeed(long remaining, int quantity) => quantity > remaining;

    /// <summary>What a correction changes in the totals: the new quantity replaces the superseded one's.</summary>
    public static long CorrectionDelta(int supersededQuantity, int correctedQuantity) => (long)correctedQuantity - supersededQuantity;

    /// <summary>The received total of a history: lines that a later line supersedes do not count.</summary>
    public static long EffectiveTotal(IEnumerable<DriveReception> history)
    {
        var lines = history.ToList();
        var superseded = lines.Where(l => l.SupersedesId is not null).Select(l => l.SupersedesId!.Value).ToHashSet();
        return lines.Where(l => !superseded.Contains(l.Id)).Sum(l => (long)l.Quantity);
    }

    /// <summary>A pledge's status once <paramref name="received"/> of its <paramref name="pledged"/> items have come.</summary>
    public static PledgeStatus StatusFor(long received, int pledged) =>
        received <= 0 ? PledgeStatus.Pledged : received < pledged ? PledgeStatus.PartlyReceived : PledgeStatus.Received;

    /// <summary>The share of <paramref name="wanted"/> that <paramref name="quantity"/> covers, in whole percent capped at 100.</summary>
    public static int Percent(long quantity, long wanted) =>
        wanted <= 0 ? 0 : (int)Math.Min(100, quantity * 100 / wanted);
}
