namespace Relais.Consents;

/// <summary>How the email-updates state of a supporter moves when they tick the box or follow a link.</summary>
public static class EmailConsentRules
{
    /// <summary>
    /// The state after someone opts in on a form: pending a confirmation link when the organization
    /// requires double opt-in, granted otherwise; someone already granted is never set back to pending.
    /// </summary>
    public static EmailConsentState AfterOptIn(EmailConsentState current, bool requireDoubleOptIn) =>
        current == EmailConsentState.Granted || !requireDoubleOptIn ? EmailConsentState.Granted : EmailConsentState.Pending;

    /// <summary>Whether opting in must send a confirmation link.</summary>
    public static bool NeedsConfirmation(EmailConsentState current, bool requireDoubleOptIn) =>
        AfterOptIn(current, requireDoubleOptIn) == EmailConsentState.Pending;
}
