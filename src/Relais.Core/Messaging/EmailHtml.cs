using System.Text.Encodings.Web;
using System.Text.Unicode;

namespace Relais.Messaging;

/// <summary>HTML encoding for emails: markup characters only, so that accented words stay readable in the source.</summary>
internal static class EmailHtml
{
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    public static string Encode(string value) => Encoder.Encode(value);
}
