using System.Globalization;
using Relais.Activities;

namespace Relais.Ladder;

/// <summary>The kinds of condition a ladder level's rules may hold, as named in the rules JSON.</summary>
public enum LadderConditionType
{
    /// <summary>At least N activities of one type, optionally within the last D days.</summary>
    Activity,

    /// <summary>The supporter granted email updates (<see cref="Supporters.Supporter.EmailConsent"/>).</summary>
    EmailConsent,

    /// <summary>The supporter leads a local group.</summary>
    LeadsGroup,

    /// <summary>The supporter belongs to a local group, as member or leader.</summary>
    GroupMember,
}

/// <summary>One condition of a ladder level; any one that holds places a supporter at least on the level.</summary>
public sealed record LadderCondition(
    LadderConditionType Type, ActivityType? Activity = null, int AtLeast = 1, int? WithinDays = null)
{
    public static LadderCondition Did(ActivityType activity, int atLeast = 1, int? withinDays = null) =>
        new(LadderConditionType.Activity, activity, atLeast, withinDays);

    public bool HoldsFor(SupporterFacts facts) => Type switch
    {
        LadderConditionType.Activity => facts.Count(Activity!.Value, WithinDays) >= AtLeast,
        LadderConditionType.EmailConsent => facts.EmailConsentGranted,
        LadderConditionType.LeadsGroup => facts.LeadsGroup,
        LadderConditionType.GroupMember => facts.InGroup || facts.LeadsGroup,
        _ => false,
    };

    /// <summary>The condition in plain English, kept as the reason of a ladder move.</summary>
    public string Describe() => Type switch
    {
        LadderConditionType.Activity => string.Create(CultureInfo.InvariantCulture,
            $"{Activity} at least {AtLeast}{(WithinDays is { } days ? $" in the last {days} days" : "")}"),
        LadderConditionType.EmailConsent => "email updates granted",
        LadderConditionType.LeadsGroup => "leads a local group",
        _ => "member of a local group",
    };
}
