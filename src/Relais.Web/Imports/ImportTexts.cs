using Relais.Imports;

namespace Relais.Web.Imports;

/// <summary>The English keys of what import pages show; pages translate them.</summary>
public static class ImportTexts
{
    public static string Status(ImportStatus status, bool dryRun) => (status, dryRun) switch
    {
        (ImportStatus.Uploaded, _) => "Waiting for its column mapping",
        (ImportStatus.Queued, true) => "Dry run waiting to start",
        (ImportStatus.Queued, false) => "Waiting to start",
        (ImportStatus.Running, true) => "Dry run in progress",
        (ImportStatus.Running, false) => "Importing",
        (ImportStatus.Completed, true) => "Dry run done: nothing was written",
        (ImportStatus.Completed, false) => "Done",
        (ImportStatus.Cancelled, _) => "Cancelled",
        _ => "Failed",
    };

    public static string Field(ImportField field) => field switch
    {
        ImportField.Email => "Email",
        ImportField.FirstName => "First name",
        ImportField.LastName => "Last name",
        ImportField.PostalCode => "Postal code",
        ImportField.City => "City",
        ImportField.Country => "Country",
        ImportField.Phone => "Phone",
        ImportField.Language => "Language",
        ImportField.Tags => "Tags (comma separated)",
        _ => "Email consent (yes or no)",
    };

    public static bool IsActive(ImportStatus status) => status is ImportStatus.Queued or ImportStatus.Running;
}
