using Relais.Supporters;

namespace Relais.Actions;

/// <summary>The person a public form names. The email is the key: the intake finds or creates the supporter by its normalized form.</summary>
public sealed record ActionPerson(string Email, string FirstName, string LastName, string? PostalCode, string? Country, string Language)
{
    public string NormalizedEmail { get; } = EmailAddress.Normalize(Email);
}

/// <summary>
/// The words a form shows beside its consent box (or above its button), recorded in the consent
/// ledger exactly as shown, with the version of that wording.
/// </summary>
public sealed record ShownConsent(string Purpose, string Wording, int Version);

/// <summary>
/// What every public action hands to the <see cref="ActionIntake"/>, whatever its type: who, which
/// action, the consent as shown, the optional "keep me informed" box (its wording when ticked,
/// null when not), the relay who brought them and where it came from. Each action type adds what
/// it stores beside this in a derived record, and declares its writer as an <see cref="IActionStore"/>.
/// </summary>
public abstract record ActionRequest(
    Guid OrganizationId,
    Guid? CampaignId,
    Guid ActionId,
    ActionPerson Person,
    ShownConsent Consent,
    string? EmailUpdatesWording,
    Guid? RelayId,
    string Source)
{
    public string Language => Person.Language;

    /// <summary>The form in the consent ledger's words ("petition:{id}", "drive:{id}"…).</summary>
    public abstract string FormSource { get; }

    /// <summary>For logs: what went wrong with which request.</summary>
    public override string ToString() => $"{GetType().Name} for action {ActionId}";
}

public enum ActionStatus
{
    /// <summary>Stored now: the supporter, the consent, the activity and the action's own rows are committed.</summary>
    Stored,

    /// <summary>Stored before (signed already, the same form posted again): nothing new was written.</summary>
    AlreadyDone,

    /// <summary>Refused by the action's own rule, checked inside the transaction (<see cref="ActionOutcome.Reason"/> says why).</summary>
    Refused,
}

/// <summary>What became of one request; <see cref="Stored"/> is the action's own row (a donation, a pledge…) when it has one.</summary>
public sealed record ActionOutcome(ActionStatus Status, Guid SupporterId, object? Stored = null, string? Reason = null);
