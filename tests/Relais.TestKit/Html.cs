using System.Net;

namespace Relais.TestKit;

public static class Html
{
    /// <summary>The page's text as a reader sees it (entities such as &amp;#x27; decoded), for asserting on messages.</summary>
    public static string Text(string html) => WebUtility.HtmlDecode(html);
}
