using System.Text;

namespace Relais.Messaging;

/// <summary>The words around every email body, in the recipient's language, supplied by the caller (resources).</summary>
/// <param name="Organization">The sender's name, shown at the foot.</param>
/// <param name="Reason">Why the person receives it, e.g. "You receive this email because you signed…".</param>
/// <param name="UnsubscribeLabel">The unsubscribe link's words; the link is left out when <paramref name="UnsubscribeLink"/> is empty.</param>
/// <param name="PreferencesLabel">The preferences link's words; left out when <paramref name="PreferencesLink"/> is empty.</param>
public sealed record EmailFooter(
    string Organization, string Reason, string UnsubscribeLabel, string UnsubscribeLink, string PreferencesLabel, string PreferencesLink);

/// <summary>
/// Wraps a rendered body in a complete, simple HTML document (one column, readable on a phone and
/// with images off) and the text part in the same footer. The preheader opens the HTML, hidden.
/// </summary>
public static class EmailLayout
{
    public static OutgoingEmail Wrap(string to, RenderedEmail email, string language, EmailFooter footer) =>
        new(to, email.Subject, Text(email, footer), Html(email, language, footer));

    private static string Text(RenderedEmail email, EmailFooter footer)
    {
        var text = new StringBuilder(email.Text.TrimEnd()).Append("\n\n-- \n").Append(footer.Organization).Append('\n');
        if (footer.Reason.Length > 0)
        {
            text.Append(footer.Reason).Append('\n');
        }
        if (footer.PreferencesLink.Length > 0)
        {
            text.Append(footer.PreferencesLabel).Append(": ").Append(footer.PreferencesLink).Append('\n');
        }
        if (footer.UnsubscribeLink.Length > 0)
        {
            text.Append(footer.UnsubscribeLabel).Append(": ").Append(footer.UnsubscribeLink).Append('\n');
        }
        return text.ToString();
    }

    private static string Html(RenderedEmail email, string language, EmailFooter footer)
    {
        var html = new StringBuilder(email.Html.Length + 1_500)
            .Append("<!DOCTYPE html><html lang=\"").Append(Encode(language)).Append("\"><head><meta charset=\"utf-8\">")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>").Append(Encode(email.Subject))
            .Append("</title></head><body style=\"margin:0;padding:0;background:#f4f4f2;\">");
        if (email.Preheader.Length > 0)
        {
            html.Append("<div style=\"display:none;max-height:0;overflow:hidden;\">").Append(Encode(email.Preheader)).Append("</div>");
        }
        html.Append("<div style=\"max-width:600px;margin:0 auto;padding:24px 16px;background:#ffffff;font-family:Arial,Helvetica,sans-serif;font-size:16px;line-height:1.5;color:#1a1a1a;\">")
            .Append(email.Html)
            .Append("<hr style=\"border:none;border-top:1px solid #ddd;margin:32px 0 16px;\"><p style=\"font-size:13px;color:#555;\">")
            .Append(Encode(footer.Organization));
        if (footer.Reason.Length > 0)
        {
            html.Append("<br>").Append(Encode(footer.Reason));
        }
        if (footer.PreferencesLink.Length > 0)
        {
            html.Append("<br><a href=\"").Append(Encode(footer.PreferencesLink)).Append("\" style=\"color:#555;\">").Append(Encode(footer.PreferencesLabel)).Append("</a>");
        }
        if (footer.UnsubscribeLink.Length > 0)
        {
            html.Append(footer.PreferencesLink.Length > 0 ? " · " : "<br>")
                .Append("<a href=\"").Append(Encode(footer.UnsubscribeLink)).Append("\" style=\"color:#555;\">").Append(Encode(footer.UnsubscribeLabel)).Append("</a>");
        }
        return html.Append("</p></div></body></html>").ToString();
    }

    private static string Encode(string value) => EmailHtml.Encode(value);
}
