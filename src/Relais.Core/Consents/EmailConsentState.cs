namespace Relais.Consents;

/// <summary>Where a supporter stands on receiving email updates; only <see cref="Granted"/> may be mailed.</summary>
public enum EmailConsentState
{
    /// <summary>Never asked, or asked and left unticked.</summary>
    None,

    /// <summary>Ticked, but the organization requires double opt-in and the link was not followed yet.</summary>
    Pending,

    Granted,
    Withdrawn,
}
