using System.Text;
using System.Text.RegularExpressions;
using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Relais.Messaging;

/// <summary>
/// An email's subject, preheader and Markdown body, checked once and then rendered for each
/// recipient by filling slots: the Markdown is turned into HTML a single time per message, not
/// per person, which is what lets a send reach thousands of messages a second.
/// </summary>
public sealed partial class MergeTemplate
{
    private const string TokenPrefix = "rlsmrg";
    private const string TokenSuffix = "x";

    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .DisableHtml()
        .UseEmphasisExtras()
        .UseAutoLinks()
        .UseSoftlineBreakAsHardlineBreak()
        .Build();

    private readonly Piece[] _subject;
    private readonly Piece[] _preheader;
    private readonly Piece[] _text;
    private readonly Piece[] _html;

    private MergeTemplate(Piece[] subject, Piece[] preheader, Piece[] text, Piece[] html, IReadOnlyList<string> links)
    {
        _subject = subject;
        _preheader = preheader;
        _text = text;
        _html = html;
        Links = links;
    }

    /// <summary>The link targets of the body in order, as written (merge fields unfilled); tracked links point at their index.</summary>
    public IReadOnlyList<string> Links { get; }

    /// <summary>
    /// Checks and prepares the template; the errors name every unknown merge field and unclosed
    /// brace pair, and no template is returned then.
    /// </summary>
    public static MergeTemplateResult Parse(string subject, string preheader, string markdownBody, bool trackLinks = false, int firstLinkIndex = 0)
    {
        var errors = new List<MergeTemplateError>();
        var fields = new List<FieldUse>();
        var subjectTokens = Tokenize(subject ?? "", fields, errors, "subject");
        var preheaderTokens = Tokenize(preheader ?? "", fields, errors, "preheader");
        var bodyTokens = Tokenize(markdownBody ?? "", fields, errors, "body");
        if (errors.Count > 0)
        {
            return new MergeTemplateResult(null, errors);
        }

        var links = new List<string>();
        var document = Markdown.Parse(bodyTokens, Pipeline);
        foreach (var link in document.Descendants<LinkInline>().ToList())
        {
            if (link.IsImage || !IsSafeLink(link.Url))
            {
                ReplaceWithChildren(link);
                continue;
            }
            // Links made of a merge field (relay link, unsubscribe) differ per person and are never rewritten.
            if (trackLinks && !IsMailto(link.Url) && !TokenOnly().IsMatch(link.Url!))
            {
                links.Add(link.Url!);
                link.Url = TrackedToken(links.Count - 1);
            }
        }
        foreach (var autolink in document.Descendants<AutolinkInline>().ToList())
        {
            if (!autolink.IsEmail && !IsSafeLink(autolink.Url))
            {
                autolink.ReplaceBy(new LiteralInline(autolink.Url));
            }
        }
        var bodyHtml = document.ToHtml(Pipeline);

        return new MergeTemplateResult(
            new MergeTemplate(
                Slots(subjectTokens, fields, links, firstLinkIndex, encode: false),
                Slots(preheaderTokens, fields, links, firstLinkIndex, encode: false),
                Slots(PlainText(bodyTokens), fields, links, firstLinkIndex, encode: false),
                Slots(bodyHtml, fields, links, firstLinkIndex, encode: true),
                links),
            []);
    }

    public RenderedEmail Render(MergeValues values) =>
        new(Fill(_subject, values), Fill(_preheader, values), Fill(_text, values), Fill(_html, values));

    private static string Tokenize(string source, List<FieldUse> fields, List<MergeTemplateError> errors, string part)
    {
        var result = FieldPattern().Replace(source, m =>
        {
            var name = m.Groups["name"].Value;
            if (!MergeFields.All.Contains(name))
            {
                errors.Add(new MergeTemplateError(part, m.Value, name));
                return m.Value;
            }
            fields.Add(new FieldUse(name, m.Groups["fallback"].Success ? m.Groups["fallback"].Value.Trim() : ""));
            return Token(fields.Count - 1);
        });
        // A "{{" left over is a field the pattern could not read: refuse it rather than send braces.
        var stray = result.IndexOf("{{", StringComparison.Ordinal);
        if (stray >= 0 && errors.Count == 0)
        {
            var end = result.IndexOf("}}", stray, StringComparison.Ordinal);
            var excerpt = end < 0 ? result[stray..Math.Min(result.Length, stray + 30)] : result[stray..(end + 2)];
            errors.Add(new MergeTemplateError(part, excerpt, null));
        }
        return result;
    }

    private static Piece[] Slots(string rendered, List<FieldUse> fields, List<string> links, int firstLinkIndex, bool encode)
    {
        var pieces = new List<Piece>();
        var at = 0;
        foreach (Match m in TokenPattern().Matches(rendered))
        {
            if (m.Index > at)
            {
                pieces.Add(Piece.Literal(rendered[at..m.Index]));
            }
            var index = int.Parse(m.Groups["index"].Value, System.Globalization.CultureInfo.InvariantCulture);
            pieces.Add(m.Groups["kind"].Value == "l"
                ? Piece.TrackedLink(firstLinkIndex + index, links[index], encode)
                : Piece.Field(fields[index], encode));
            at = m.Index + m.Length;
        }
        if (at < rendered.Length)
        {
            pieces.Add(Piece.Literal(rendered[at..]));
        }
        return [.. pieces];
    }

    private static string Fill(Piece[] pieces, MergeValues values)
    {
        var builder = new StringBuilder();
        foreach (var piece in pieces)
        {
            piece.AppendTo(builder, values);
        }
        return builder.ToString();
    }

    /// <summary>The text part: the Markdown itself, which reads as plain text, with links as "label (address)".</summary>
    private static string PlainText(string markdown) =>
        MarkdownLink().Replace(markdown, m => m.Groups["label"].Value == m.Groups["url"].Value
            ? m.Groups["url"].Value
            : $"{m.Groups["label"].Value} ({m.Groups["url"].Value})");

    private static string Token(int index) => $"{TokenPrefix}f{index}{TokenSuffix}";

    private static string TrackedToken(int index) => $"{TokenPrefix}l{index}{TokenSuffix}";

    private static bool IsSafeLink(string? url) =>
        url is not null && (TokenOnly().IsMatch(url)
            || (Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" or "mailto"));

    private static bool IsMailto(string? url) => url?.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase) == true;

    private static void ReplaceWithChildren(LinkInline link)
    {
        var text = new ContainerInline();
        while (link.FirstChild is { } child)
        {
            child.Remove();
            text.AppendChild(child);
        }
        link.ReplaceBy(text);
    }

    [GeneratedRegex(@"\{\{\s*(?<name>[A-Za-z_][A-Za-z0-9_]*)\s*(?:\|(?<fallback>[^{}]*))?\}\}")]
    private static partial Regex FieldPattern();

    [GeneratedRegex(TokenPrefix + @"(?<kind>[fl])(?<index>\d+)" + TokenSuffix)]
    private static partial Regex TokenPattern();

    [GeneratedRegex("^" + TokenPrefix + @"f\d+" + TokenSuffix + "$")]
    private static partial Regex TokenOnly();

    [GeneratedRegex(@"(?<!!)\[(?<label>[^\]]*)\]\((?<url>[^)\s]+)\)")]
    private static partial Regex MarkdownLink();

    private sealed record FieldUse(string Name, string Fallback);

    private readonly record struct Piece(string? Text, FieldUse? Use, int LinkIndex, string? LinkUrl, bool Encode)
    {
        public static Piece Literal(string text) => new(text, null, -1, null, false);

        public static Piece Field(FieldUse use, bool encode) => new(null, use, -1, null, encode);

        public static Piece TrackedLink(int index, string url, bool encode) => new(null, null, index, url, encode);

        public void AppendTo(StringBuilder builder, MergeValues values)
        {
            if (Text is not null)
            {
                builder.Append(Text);
                return;
            }
            string value;
            if (Use is not null)
            {
                value = values.Get(Use.Name);
                if (value.Length == 0)
                {
                    value = Use.Fallback;
                }
            }
            else
            {
                // A preview or a test send has no recipient to count: the link goes straight to its target.
                value = values.TrackedLinkPrefix is null
                    ? LinkUrl!
                    : values.TrackedLinkPrefix + LinkIndex.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }
            builder.Append(Encode ? EmailHtml.Encode(value) : value);
        }
    }
}

/// <summary>A merge field the template cannot fill: <see cref="Field"/> is null for an unreadable one.</summary>
public sealed record MergeTemplateError(string Part, string Excerpt, string? Field);

public sealed record MergeTemplateResult(MergeTemplate? Template, IReadOnlyList<MergeTemplateError> Errors)
{
    public bool IsValid => Template is not null;
}
