using System.Text.RegularExpressions;

namespace Relais.Messaging;

/// <summary>The automatic emails' own error texts, translated by the web layer ({0}: the field's name).</summary>
public static class AutomaticEmailMessages
{
    public const string UnknownField = "Unknown merge field: {0}.";
    public const string FieldNotAvailable = "The merge field {0} has no value in this email.";
    public const string Unreadable = "A merge field is not written right: {0}";
    public const string ConfirmLinkRequired = "The confirmation email must carry the link {0}.";
    public const string SubjectRequired = "The subject is required.";
    public const string BodyRequired = "The body is required.";
}

/// <summary>An error of one language's wording: the part ("subject", "body"…), the message key and its argument.</summary>
public sealed record WordingError(string Part, string MessageKey, string Argument = "");

/// <summary>What an automatic email's wording must hold: known fields that have a value in that email, and for the confirmation, its link.</summary>
public static partial class AutomaticEmailRules
{
    private static readonly HashSet<string> ConfirmationFields = [MergeFields.FirstName, MergeFields.LastName, MergeFields.ConfirmLink];

    public static bool IsKind(string? kind) => kind is not null && EmailTemplateKinds.All.Contains(kind);

    /// <summary>Only the thank-you can be switched off: the double opt-in link is what the law asks for.</summary>
    public static bool CanDisable(string kind) => EmailTemplateKinds.IsThankYou(kind);

    public static IReadOnlyList<WordingError> Validate(string kind, string? subject, string? preheader, string? body)
    {
        var errors = new List<WordingError>();
        if (string.IsNullOrWhiteSpace(subject))
        {
            errors.Add(new("subject", AutomaticEmailMessages.SubjectRequired));
        }
        else if (subject.Length > MessageVersion.SubjectMax || subject.Any(char.IsControl))
        {
            errors.Add(new("subject", subject.Any(char.IsControl) ? Petitions.FormMessages.InvalidCharacters : Petitions.FormMessages.TooLong));
        }
        if ((preheader?.Length ?? 0) > MessageVersion.PreheaderMax)
        {
            errors.Add(new("preheader", Petitions.FormMessages.TooLong));
        }
        if (string.IsNullOrWhiteSpace(body))
        {
            errors.Add(new("body", AutomaticEmailMessages.BodyRequired));
        }
        else if (body.Length > MessageVersion.BodyMax)
        {
            errors.Add(new("body", Petitions.FormMessages.TooLong));
        }
        if (errors.Count > 0)
        {
            return errors;
        }
        var parsed = MergeTemplate.Parse(subject!, preheader ?? "", body!);
        foreach (var error in parsed.Errors)
        {
            errors.Add(error.Field is { } field
                ? new(error.Part, AutomaticEmailMessages.UnknownField, field)
                : new(error.Part, AutomaticEmailMessages.Unreadable, error.Excerpt));
        }
        if (errors.Count > 0)
        {
            return errors;
        }
        foreach (var (part, text) in new[] { ("subject", subject!), ("preheader", preheader ?? ""), ("body", body!) })
        {
            foreach (var field in FieldsIn(text).Where(f => !HasValue(kind, f)).Distinct())
            {
                errors.Add(new(part, AutomaticEmailMessages.FieldNotAvailable, field));
            }
        }
        if (kind == EmailTemplateKinds.ConfirmSubscription && !FieldsIn(body!).Contains(MergeFields.ConfirmLink))
        {
            errors.Add(new("body", AutomaticEmailMessages.ConfirmLinkRequired, "{{ " + MergeFields.ConfirmLink + " }}"));
        }
        return errors;
    }

    /// <summary>Whether the field is filled in this kind of email.</summary>
    public static bool HasValue(string kind, string field) => kind == EmailTemplateKinds.ConfirmSubscription
        ? ConfirmationFields.Contains(field)
        : field != MergeFields.ConfirmLink;

    private static IEnumerable<string> FieldsIn(string text) => FieldName().Matches(text).Select(m => m.Groups["name"].Value);

    [GeneratedRegex(@"\{\{\s*(?<name>[A-Za-z_][A-Za-z0-9_]*)")]
    private static partial Regex FieldName();
}
