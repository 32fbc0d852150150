using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Relais.Messaging;
using Relais.Organizations;
using Relais.Web.Localization;

namespace Relais.Web.Emails;

/// <summary>The words of the supporter emails, as keys of the French resources.</summary>
public static class SupporterEmailMessages
{
    public const string ConfirmSubject = "Confirm your subscription to {0}";
    public const string ConfirmIntro = "You asked to receive email updates from {0}. Please confirm by following this link:";
    public const string ConfirmButton = "Confirm my subscription";
    public const string ConfirmNote = "This link works once and expires in 7 days. If you did not ask for this, ignore this email: you will receive nothing more.";
    public const string PreferencesSubject = "Your email preferences with {0}";
    public const string PreferencesIntro = "You asked to change what you receive from {0}. Follow this link to choose:";
    public const string PreferencesButton = "Choose what I receive";
    public const string PreferencesNote = "This link expires in 30 days. If you did not ask for it, ignore this email.";
    public const string ExportSubject = "Your data held by {0}";
    public const string ExportIntro = "You asked for a copy of the data {0} holds about you. Download it from this link:";
    public const string ExportButton = "Download my data";
    public const string ExportNote = "This link works once and expires in 24 hours. If you did not ask for it, ignore this email.";
}

/// <summary>The emails Relais sends to one supporter, in their language, as plain text and simple HTML.</summary>
public sealed class SupporterEmails(IStringLocalizer<SharedResource> localizer, IOptions<PublicUrlOptions> url)
{
    public OutgoingEmail ConfirmSubscription(string to, string language, string organization, string secret) => Compose(
        to, language, $"/confirm/{secret}",
        SupporterEmailMessages.ConfirmSubject,
        SupporterEmailMessages.ConfirmIntro,
        SupporterEmailMessages.ConfirmButton,
        SupporterEmailMessages.ConfirmNote,
        organization);

    public OutgoingEmail PreferencesLink(string to, string language, string organization, string secret) => Compose(
        to, language, $"/preferences/{secret}",
        SupporterEmailMessages.PreferencesSubject,
        SupporterEmailMessages.PreferencesIntro,
        SupporterEmailMessages.PreferencesButton,
        SupporterEmailMessages.PreferencesNote,
        organization);

    public OutgoingEmail DataExportLink(string to, string language, string organization, string secret) => Compose(
        to, language, $"/privacy/export/{secret}",
        SupporterEmailMessages.ExportSubject,
        SupporterEmailMessages.ExportIntro,
        SupporterEmailMessages.ExportButton,
        SupporterEmailMessages.ExportNote,
        organization);

    private OutgoingEmail Compose(
        string to, string language, string path, string subjectKey, string introKey, string buttonKey, string noteKey, string organization)
    {
        var link = url.Value.Link(path);
        return InLanguage.Run(language, () =>
        {
            var culture = CultureInfo.CurrentUICulture;
            var subject = localizer[subjectKey, organization].Value;
            var intro = localizer[introKey, organization].Value;
            var button = localizer[buttonKey].Value;
            var note = localizer[noteKey].Value;
            var text = $"{intro}\n\n{link}\n\n{note}\n\n-- \n{organization}\n";
            var html = new StringBuilder()
                .Append("<!DOCTYPE html><html lang=\"").Append(culture.Name).Append("\"><head><meta charset=\"utf-8\"><title>")
                .Append(Encode(subject)).Append("</title></head><body>")
                .Append("<p>").Append(Encode(intro)).Append("</p>")
                .Append("<p><a href=\"").Append(Encode(link)).Append("\">").Append(Encode(button)).Append("</a></p>")
                .Append("<p>").Append(Encode(note)).Append("</p>")
                .Append("<p>— ").Append(Encode(organization)).Append("</p>")
                .Append("</body></html>")
                .ToString();
            return new OutgoingEmail(to, subject, text, html);
        });
    }

    private static string Encode(string text) => HtmlEncoder.Default.Encode(text);
}
