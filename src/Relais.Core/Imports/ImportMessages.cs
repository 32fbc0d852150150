namespace Relais.Imports;

/// <summary>Message keys of imports (files, mappings, rows); the web layer holds their French and English text.</summary>
public static class ImportMessages
{
    public const string EmailNotMapped = "Choose the column that holds the email address.";
    public const string FieldMappedTwice = "“{0}” is chosen for several columns: {1}.";
    public const string ConsentColumnMissing = "Choose the column that says yes or no to email updates.";
    public const string ConsentColumnUnused = "A column is chosen for email consent: say that this column tells who agreed, with where and when they did.";
    public const string DeclarationRequired = "Say where and when these people agreed to receive email updates.";
    public const string Empty = "The file is empty.";
    public const string Unreadable = "This file is neither a CSV file nor an Excel workbook (.xlsx) that can be read.";
    public const string NoHeader = "The first line of the file must name the columns (email, first name…); this one holds no column names.";
    public const string NoRows = "The file names its columns but holds no rows of people.";
    public const string EmptySheet = "The first sheet of this workbook is empty.";
    public const string UnknownFormat = "Please upload a .csv or .xlsx file.";
    public const string EmailMissing = "The email address is missing.";
    public const string SameEmailAsRow = "Same email as row {0}.";
    public const string Suppressed = "This person's data was erased at their request.";
    public const string TooLong = "Too long: {0}.";
    public const string NotAllowedCharacters = "Characters that are not allowed: {0}.";
    public const string UnknownCountry = "Unknown country: {0}.";
    public const string NotAPhoneNumber = "Not a phone number: {0}.";
    public const string NotYesOrNo = "Neither yes nor no: {0}.";
}
