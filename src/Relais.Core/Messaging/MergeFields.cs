namespace Relais.Messaging;

/// <summary>The merge fields an email may carry, as <c>{{ name }}</c> or <c>{{ name | fallback }}</c>.</summary>
public static class MergeFields
{
    public const string FirstName = "first_name";
    public const string LastName = "last_name";
    public const string RelayLink = "relay_link";
    public const string NextStep = "next_step";
    public const string NextStepLink = "next_step_link";
    public const string Counter = "counter";
    public const string Goal = "goal";
    public const string CampaignTitle = "campaign_title";
    public const string CampaignLink = "campaign_link";
    public const string PreferencesLink = "preferences_link";
    public const string UnsubscribeLink = "unsubscribe_link";

    /// <summary>The double opt-in link; only the confirmation email has one.</summary>
    public const string ConfirmLink = "confirm_link";

    public static readonly IReadOnlyList<string> All =
    [
        FirstName, LastName, RelayLink, NextStep, NextStepLink, Counter, Goal, CampaignTitle,
        CampaignLink, PreferencesLink, UnsubscribeLink, ConfirmLink,
    ];

    /// <summary>Fields whose value is an address: they may stand as a link's target.</summary>
    public static bool IsLink(string name) => name.EndsWith("_link", StringComparison.Ordinal);
}

/// <summary>One recipient's values for the merge fields; a missing value renders the field's fallback, or nothing.</summary>
public sealed record MergeValues
{
    public string FirstName { get; init; } = "";
    public string LastName { get; init; } = "";
    public string RelayLink { get; init; } = "";
    public string NextStep { get; init; } = "";
    public string NextStepLink { get; init; } = "";
    public string Counter { get; init; } = "";
    public string Goal { get; init; } = "";
    public string CampaignTitle { get; init; } = "";
    public string CampaignLink { get; init; } = "";
    public string PreferencesLink { get; init; } = "";
    public string UnsubscribeLink { get; init; } = "";
    public string ConfirmLink { get; init; } = "";

    /// <summary>
    /// When clicks are counted: the recipient's address prefix for tracked links, to which the
    /// link's index is appended (e.g. "https://relais.example/m/…/…/"); null leaves links as written.
    /// </summary>
    public string? TrackedLinkPrefix { get; init; }

    public string Get(string field) => field switch
    {
        MergeFields.FirstName => FirstName,
        MergeFields.LastName => LastName,
        MergeFields.RelayLink => RelayLink,
        MergeFields.NextStep => NextStep,
        MergeFields.NextStepLink => NextStepLink,
        MergeFields.Counter => Counter,
        MergeFields.Goal => Goal,
        MergeFields.CampaignTitle => CampaignTitle,
        MergeFields.CampaignLink => CampaignLink,
        MergeFields.PreferencesLink => PreferencesLink,
        MergeFields.UnsubscribeLink => UnsubscribeLink,
        MergeFields.ConfirmLink => ConfirmLink,
        _ => throw new ArgumentOutOfRangeException(nameof(field), field, "Unknown merge field"),
    };
}
