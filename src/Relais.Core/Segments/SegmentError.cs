namespace Relais.Segments;

/// <summary>
/// Why a segment cannot be used, as English text to localize with its arguments; <see cref="Row"/>
/// is the index of the condition at fault, or null when the whole segment is.
/// </summary>
public sealed record SegmentError(int? Row, string Message, params object[] Args);

/// <summary>The messages of <see cref="SegmentError"/>, in English; the web app translates them.</summary>
public static class SegmentErrorMessages
{
    public const string TooManyConditions = "A segment has at most {0} conditions.";
    public const string UnknownMatch = "Choose whether all or any of the conditions must hold.";
    public const string UnknownKind = "Unknown kind of condition.";
    public const string UnexpectedField = "This condition does not take “{0}”.";
    public const string MalformedJson = "The segment definition is not valid JSON.";
    public const string ChooseAction = "Choose an action.";
    public const string ChooseActivityType = "Choose a kind of activity.";
    public const string ChooseTag = "Choose a tag.";
    public const string ChooseGroup = "Choose a local group.";
    public const string ChooseChannel = "Choose a channel.";
    public const string UnknownAction = "This action does not exist in your organization.";
    public const string UnknownTag = "This tag does not exist in your organization.";
    public const string UnknownGroup = "This local group does not exist in your organization.";
    public const string UnknownChannel = "This channel does not exist in your organization.";
    public const string InvalidDate = "Enter dates as YYYY-MM-DD.";
    public const string PeriodReversed = "The period ends before it starts.";
    public const string InvalidComparison = "Choose equal to, at least or at most.";
    public const string InvalidRank = "Choose a ladder level.";
    public const string InvalidRole = "Choose any member or leaders only.";
    public const string ChooseCountries = "Choose one or more countries.";
    public const string UnknownCountry = "Unknown country: {0}.";
    public const string InvalidPostalCodePrefix = "Enter the start of a postal code: letters, digits, spaces or hyphens, {0} characters at most.";
    public const string InvalidLanguage = "Choose a language.";
    public const string InvalidDays = "Enter a number of days between 1 and {0}.";
    public const string ChooseDate = "Choose a date.";
    public const string InvalidNegation = "“not” is true or false.";
}
