using Relais.Campaigns;
using Relais.Organizations;

namespace Relais.Petitions;

/// <summary>A petition action of a campaign, addressed to the campaign's target.</summary>
public sealed class Petition : IOrganizationOwned
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid OrganizationId { get; set; }
    public Guid CampaignId { get; set; }
    public Campaign? Campaign { get; set; }
    public int Goal { get; set; } = 1_000;

    /// <summary>
    /// Derived from the signed activities, bumped in the transaction that inserts them, so that
    /// pages never need COUNT(*).
    /// </summary>
    public int SignatureCount { get; set; }

    public bool IsOpen { get; set; } = true;

    /// <summary>The ladder level this action belongs to, for offering it as someone's next step.</summary>
    public int LadderRank { get; set; } = 2;
    public DateTimeOffset CreatedAt { get; init; } = DateTimeOffset.UtcNow;

    /// <summary>Progress toward the goal in percent, capped at 100.</summary>
    public static int ProgressPercent(int count, int goal) =>
        goal <= 0 ? 100 : (int)Math.Min(100, (long)count * 100 / goal);

    /// <summary>
    /// The next goal to show once the current one is passed, as petition sites do: never
    /// a finished bar while people keep signing.
    /// </summary>
    public static int DisplayedGoal(int count, int goal)
    {
        if (goal <= 0 || count < goal)
        {
            return Math.Max(goal, 1);
        }
        long next = goal;
        while (next <= count)
        {
            next *= 2;
        }
        return (int)Math.Min(next, int.MaxValue);
    }
}
