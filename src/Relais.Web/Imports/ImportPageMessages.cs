namespace Relais.Web.Imports;

/// <summary>Message keys of the import pages; Resources hold their French.</summary>
public static class ImportPageMessages
{
    public const string ChooseFile = "Choose a file to upload.";
    public const string TagTooLong = "The tag is too long.";
    public const string DeclarationTooLong = "The declaration is too long.";
    public const string WaitingForItsColumnMapping = "Waiting for its column mapping";
    public const string DryRunWaitingToStart = "Dry run waiting to start";
    public const string WaitingToStart = "Waiting to start";
    public const string DryRunInProgress = "Dry run in progress";
    public const string Importing = "Importing";
    public const string DryRunDoneNothingWasWritten = "Dry run done: nothing was written";
    public const string Done = "Done";
    public const string Cancelled = "Cancelled";
    public const string Failed = "Failed";
    public const string Email = "Email";
    public const string FirstName = "First name";
    public const string LastName = "Last name";
    public const string PostalCode = "Postal code";
    public const string City = "City";
    public const string Country = "Country";
    public const string Phone = "Phone";
    public const string Language = "Language";
    public const string TagsCommaSeparated = "Tags (comma separated)";
    public const string EmailConsentYesOrNo = "Email consent (yes or no)";
}
