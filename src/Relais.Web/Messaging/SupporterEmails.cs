using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Relais.Messaging;
using Relais.Organizations;
using Relais.Web.Localization;

namespace Relais.Web.Messaging;

/// <summary>The emails Relais sends to one supporter, in their language, as plain text and simple HTML.</summary>
public sealed class SupporterEmails(IStringLocalizer<SharedResource> localizer, IOptions<PublicUrlOptions> url)
{
    public OutgoingEmail ConfirmSubscription(string to, string language, string organization, string secret) => Compose(
        to, language, $"/confirm/{secret}",
        "Confirm your subscription to {0}",
        "You asked to receive email updates from {0}. Please confirm by following this link:",
        "Confirm my subscription",
        "This link works once and expires in 7 days. If you did not ask for this, ignore this email: you will receive nothing more.",
        organization);

    public OutgoingEmail PreferencesLink(string to, string language, string organization, string secret) => Compose(
        to, language, $"/preferences/{secret}",
        "Your email preferences with {0}",
        "You asked to change what you receive from {0}. Follow this link to choose:",
        "Choose what I receive",
        "This link expires in 30 days. If you did not ask for it, ignore this email.",
        organization);

    public OutgoingEmail DataExportLink(string to, string language, string organization, string secret) => Compose(
        to, language, $"/privacy/export/{secret}",
        "Your data held by {0}",
        "You asked for a copy of the data {0} holds about you. Download it from this link:",
        "Download my data",
        "This link works once and expires in 24 hours. If you did not ask for it, ignore this email.",
        organization);

    private OutgoingEmail Compose(
        string to, string language, string path, string subjectKey, string introKey, string buttonKey, string noteKey, string organization)
    {
        var link = url.Value.Link(path);
        var previous = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        var culture = CultureInfo.GetCultureInfo(Languages.IsSupported(language) ? language : Languages.French);
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = culture;
        try
        {
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
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = previous;
        }
    }

    private static string Encode(string text) => HtmlEncoder.Default.Encode(text);
}
