using Markdig;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Relais.Campaigns;

/// <summary>
/// Renders campaign stories written in Markdown. Raw HTML is never rendered, links may only go to
/// web or mail addresses, and images only come from this site (no third-party tracker).
/// </summary>
public static class StoryMarkdown
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .DisableHtml()
        .UseEmphasisExtras()
        .UseAutoLinks()
        .UseSoftlineBreakAsHardlineBreak()
        .Build();

    public static string ToHtml(string? markdown)
    {
        if (string.IsNullOrWhiteSpace(markdown))
        {
            return "";
        }
        var document = Markdown.Parse(markdown, Pipeline);
        foreach (var link in document.Descendants<LinkInline>().ToList())
        {
            if (link.IsImage ? !IsLocal(link.Url) : !IsSafeLink(link.Url))
            {
                ReplaceWithText(link);
            }
            else if (!link.IsImage)
            {
                link.GetAttributes().AddProperty("rel", "nofollow noopener");
            }
        }
        foreach (var autolink in document.Descendants<AutolinkInline>().ToList())
        {
            if (!autolink.IsEmail && !IsSafeLink(autolink.Url))
            {
                autolink.ReplaceBy(new LiteralInline(autolink.Url));
            }
            else if (!autolink.IsEmail)
            {
                autolink.GetAttributes().AddProperty("rel", "nofollow noopener");
            }
        }
        return document.ToHtml(Pipeline);
    }

    private static bool IsSafeLink(string? url) =>
        url is not null && (IsLocal(url)
            || (Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" or "mailto"));

    private static bool IsLocal(string? url) =>
        url is not null && url.StartsWith('/') && !url.StartsWith("//") && !url.StartsWith("/\\");

    private static void ReplaceWithText(LinkInline link)
    {
        var text = new ContainerInline();
        if (link.IsImage)
        {
            text.AppendChild(new LiteralInline(link.Title ?? ""));
        }
        while (link.FirstChild is { } child)
        {
            child.Remove();
            text.AppendChild(child);
        }
        link.ReplaceBy(text);
    }
}
