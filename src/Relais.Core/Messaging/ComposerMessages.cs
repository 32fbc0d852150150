namespace Relais.Messaging;

/// <summary>The composer's error messages, as keys of the French resources.</summary>
public static class ComposerMessages
{
    public const string NameRequired = "Give the message a name.";
    public const string NameTooLong = "The name is too long (at most {0} characters).";
    public const string NoVersion = "Write the message in at least one language.";
    public const string SubjectRequired = "The {0} version needs a subject.";
    public const string BodyRequired = "The {0} version needs a body.";
    public const string SubjectTooLong = "The subject of the {0} version is too long (at most {1} characters).";
    public const string PreheaderTooLong = "The preheader of the {0} version is too long (at most {1} characters).";
    public const string BodyTooLong = "The body of the {0} version is too long (at most {1} characters).";
    public const string UnknownField = "Unknown merge field “{0}” in the {1} version: use one of the merge fields listed.";
    public const string UnreadableField = "Unreadable merge field “{0}” in the {1} version: write {2}.";
    public const string AttributionDays = "Attribution must be between 1 and 90 days.";
    public const string SegmentNotFound = "Choose one of your organization's segments.";
    public const string CampaignNotFound = "Choose one of your organization's campaigns.";
    public const string NotEditable = "This message is being sent or was sent: it can no longer be changed.";
    public const string French = "French";
    public const string English = "English";
}
