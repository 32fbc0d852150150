namespace Relais.Outbox;

/// <summary>The kinds of outbox messages; one handler is registered per kind.</summary>
public static class OutboxKinds
{
    /// <summary>Payload: <see cref="SupporterMessage"/>. Sends the double opt-in link.</summary>
    public const string ConfirmSubscription = "email.confirm-subscription";

    /// <summary>Payload: <see cref="SupporterMessage"/>. Sends a link to the preferences page.</summary>
    public const string PreferencesLink = "email.preferences-link";

    /// <summary>Payload: <see cref="SupporterMessage"/>. Sends a single-use link to download one's data.</summary>
    public const string DataExportLink = "email.data-export-link";

    /// <summary>Payload: <see cref="ThankYouMessage"/>. Thanks a supporter for an action, with their share link and next step.</summary>
    public const string ThankYou = "email.thank-you";
}

/// <summary>The payload of the messages that concern one supporter; <paramref name="ActionId"/> is the action that led to it, if any.</summary>
public sealed record SupporterMessage(Guid SupporterId, string Language, Guid? ActionId = null);

/// <summary>
/// The payload of a thank-you: the activity it thanks for, which also makes its Message-ID, and
/// its type (which thank-you to send; payloads written before types were carried are signatures).
/// </summary>
public sealed record ThankYouMessage(
    Guid ActivityId, Guid SupporterId, Guid ActionId, Guid? CampaignId, string Language, Activities.ActivityType Type = Activities.ActivityType.Signed)
{
    /// <summary>The outbox row, written in the transaction that records the activity.</summary>
    public static OutboxMessage For(Activities.Activity activity, string language, DateTimeOffset now) => new()
    {
        OrganizationId = activity.OrganizationId,
        Kind = OutboxKinds.ThankYou,
        Payload = System.Text.Json.JsonSerializer.Serialize(
            new ThankYouMessage(activity.Id, activity.SupporterId, activity.ActionId!.Value, activity.CampaignId, language, activity.Type)),
        CreatedAt = now,
        NextAttemptAt = now,
    };
}
