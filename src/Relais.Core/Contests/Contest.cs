using Relais.Giving;
using Relais.Organizations;

namespace Relais.Contests;

public enum ContestEntryKind
{
    Fundraisers,
    Teams,
}

/// <summary>Which leaderboard a tally belongs to: the whole contest, or its bonus period.</summary>
public enum ContestBoard
{
    Main,
    Bonus,
}

/// <summary>
/// A fundraising contest (GlobalGiving): fundraisers or teams, possibly of several organizations of
/// this Relais, ranked by amount and by unique donors over a period, with an optional bonus period
/// and its own board. It freezes at its deadline.
/// </summary>
public sealed class Contest : IOrganizationOwned
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    /// <summary>The organizing organization; entrants may belong to others.</summary>
    public Guid OrganizationId { get; set; }

    /// <summary>Unique across the instance: the board lives at /contests/{slug}.</summary>
    public required string Slug { get; set; }
    public required string Title { get; set; }
    public string Currency { get; set; } = Currencies.Default;
    public ContestEntryKind EntryKind { get; set; } = ContestEntryKind.Fundraisers;
    public DateTimeOffset StartsAt { get; set; }
    public DateTimeOffset EndsAt { get; set; }
    public DateTimeOffset? BonusStartsAt { get; set; }
    public DateTimeOffset? BonusEndsAt { get; set; }

    /// <summary>What another organization's organizer types to enter; unique across the instance.</summary>
    public required string JoinCode { get; set; }

    /// <summary>Set once the deadline passed: the tallies no longer change and the board says "final".</summary>
    public DateTimeOffset? FrozenAt { get; set; }

    /// <summary>Raised by every change of the tallies: the live board's event id.</summary>
    public long BoardVersion { get; set; }

    public DateTimeOffset CreatedAt { get; init; } = DateTimeOffset.UtcNow;

    public ContestPeriod Period => new(StartsAt, EndsAt, BonusStartsAt, BonusEndsAt);
}

/// <summary>One fundraiser or team taking part in a contest, from any organization.</summary>
public sealed class ContestEntry
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid ContestId { get; set; }
    public Guid OrganizationId { get; set; }
    public Guid? FundraiserId { get; set; }
    public Guid? TeamId { get; set; }
    public required string DisplayName { get; set; }
    public DateTimeOffset CreatedAt { get; init; } = DateTimeOffset.UtcNow;
}

/// <summary>
/// The running figures of an entry on one board, changed only inside the transaction that moves a
/// donation: ranking reads these rows and never sums donations.
/// </summary>
public sealed class ContestTally
{
    public Guid EntryId { get; set; }
    public Guid ContestId { get; set; }
    public ContestBoard Board { get; set; }
    public long AmountMinor { get; set; }
    public int DonationCount { get; set; }
    public int DonorCount { get; set; }
}

/// <summary>
/// A donor of an entry on a board, with how many of their counted donations are in: unique per
/// (entry, board, supporter), so a donor counts once however often they give.
/// </summary>
public sealed class ContestDonor
{
    public Guid EntryId { get; set; }
    public ContestBoard Board { get; set; }
    public Guid SupporterId { get; set; }
    public int Donations { get; set; }
}
