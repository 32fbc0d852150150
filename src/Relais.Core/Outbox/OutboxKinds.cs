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
}

/// <summary>The payload of the messages that concern one supporter.</summary>
public sealed record SupporterMessage(Guid SupporterId, string Language);
