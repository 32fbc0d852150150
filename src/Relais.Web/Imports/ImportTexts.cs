using Relais.Imports;

namespace Relais.Web.Imports;

/// <summary>The English keys of what import pages show; pages translate them.</summary>
public static class ImportTexts
{
    public static string Status(ImportStatus status, bool dryRun) => (status, dryRun) switch
    {
        (ImportStatus.Uploaded, _) => ImportPageMessages.WaitingForItsColumnMapping,
        (ImportStatus.Queued, true) => ImportPageMessages.DryRunWaitingToStart,
        (ImportStatus.Queued, false) => ImportPageMessages.WaitingToStart,
        (ImportStatus.Running, true) => ImportPageMessages.DryRunInProgress,
        (ImportStatus.Running, false) => ImportPageMessages.Importing,
        (ImportStatus.Completed, true) => ImportPageMessages.DryRunDoneNothingWasWritten,
        (ImportStatus.Completed, false) => ImportPageMessages.Done,
        (ImportStatus.Cancelled, _) => ImportPageMessages.Cancelled,
        _ => ImportPageMessages.Failed,
    };

    public static string Field(ImportField field) => field switch
    {
        ImportField.Email => ImportPageMessages.Email,
        ImportField.FirstName => ImportPageMessages.FirstName,
        ImportField.LastName => ImportPageMessages.LastName,
        ImportField.PostalCode => ImportPageMessages.PostalCode,
        ImportField.City => ImportPageMessages.City,
        ImportField.Country => ImportPageMessages.Country,
        ImportField.Phone => ImportPageMessages.Phone,
        ImportField.Language => ImportPageMessages.Language,
        ImportField.Tags => ImportPageMessages.TagsCommaSeparated,
        _ => ImportPageMessages.EmailConsentYesOrNo,
    };

    public static bool IsActive(ImportStatus status) => status is ImportStatus.Queued or ImportStatus.Running;
}
