namespace Relais.Contests;

/// <summary>When a contest counts donations: [StartsAt, EndsAt), and its bonus board [BonusStartsAt, BonusEndsAt).</summary>
public readonly record struct ContestPeriod(DateTimeOffset StartsAt, DateTimeOffset EndsAt, DateTimeOffset? BonusStartsAt, DateTimeOffset? BonusEndsAt)
{
    public bool HasBonus => BonusStartsAt is not null && BonusEndsAt is not null;

    public bool Counts(DateTimeOffset at) => at >= StartsAt && at < EndsAt;

    public bool CountsForBonus(DateTimeOffset at) =>
        HasBonus && Counts(at) && at >= BonusStartsAt!.Value && at < BonusEndsAt!.Value;

    /// <summary>The boards a donation settled at <paramref name="at"/> counts on.</summary>
    public IReadOnlyList<ContestBoard> BoardsAt(DateTimeOffset at) =>
        !Counts(at) ? [] : CountsForBonus(at) ? [ContestBoard.Main, ContestBoard.Bonus] : [ContestBoard.Main];

    /// <summary>After the deadline nothing changes any more.</summary>
    public bool IsOver(DateTimeOffset now) => now >= EndsAt;

    /// <summary>The problems of the dates, as message keys.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (EndsAt <= StartsAt)
        {
            problems.Add(ContestMessages.EndsBeforeStart);
        }
        if (BonusStartsAt is null != BonusEndsAt is null)
        {
            problems.Add(ContestMessages.BonusIncomplete);
        }
        else if (HasBonus && (BonusEndsAt <= BonusStartsAt || BonusStartsAt < StartsAt || BonusEndsAt > EndsAt))
        {
            problems.Add(ContestMessages.BonusOutside);
        }
        return problems;
    }
}

/// <summary>Message keys of contest rules (English text, translated by the web layer).</summary>
public static class ContestMessages
{
    public const string EndsBeforeStart = "The contest must end after it starts.";
    public const string BonusIncomplete = "Give both the start and the end of the bonus period, or neither.";
    public const string BonusOutside = "The bonus period must lie within the contest.";
    public const string CurrencyMismatch = "This fundraiser collects in another currency than the contest.";
    public const string AlreadyEntered = "This is already in the contest.";
    public const string UnknownCode = "No contest has this join code.";
    public const string Frozen = "This contest is over: its board is final.";
    public const string NotYours = "Choose one of your own organization's fundraisers or teams.";
    public const string WrongKind = "This contest takes the other kind of entry.";
    public const string BadDate = "Give a date and time.";
    public const string SlugInvalid = "Use lowercase letters, digits and dashes only.";
    public const string SlugTaken = "This address is already taken.";
}
