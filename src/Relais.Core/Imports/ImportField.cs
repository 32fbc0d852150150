namespace Relais.Imports;

/// <summary>A supporter field a column of an imported file can fill.</summary>
public enum ImportField
{
    Email,
    FirstName,
    LastName,
    PostalCode,
    City,
    Country,
    Phone,
    Language,

    /// <summary>Comma-separated tag names.</summary>
    Tags,

    /// <summary>A yes/no answer to email updates; read only when the organizer declared where it comes from.</summary>
    EmailConsent,
}

/// <summary>Where the email-updates consent of imported people comes from; nobody is opted in by default.</summary>
public enum ImportConsentMode
{
    Nobody,

    /// <summary>Everyone in the file agreed, as the organizer declares.</summary>
    Everyone,

    /// <summary>A yes/no column says who agreed.</summary>
    Column,
}
