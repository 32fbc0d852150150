using Relais.Campaigns;

namespace Relais.Core.Tests.Campaigns;

public class StoryMarkdownTests
{
    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(" \n\t ")]
    public void ToHtml_NullOrBlank_GivesEmpty(string? markdown) =>
        Assert.Equal("", StoryMarkdown.ToHtml(markdown));

    [Fact]
    public void ToHtml_Emphasis_RendersTags()
    {
        var html = StoryMarkdown.ToHtml("Un *texte* **fort** et ~~barré~~");

        Assert.Contains("<em>texte</em>", html);
        Assert.Contains("<strong>fort</strong>", html);
        Assert.Contains("<del>barré</del>", html);
    }

    [Fact]
    public void ToHtml_Lists_RenderListItems()
    {
        var html = StoryMarkdown.ToHtml("- un\n- deux\n\n1. premier\n2. second");

        Assert.Contains("<ul>", html);
        Assert.Contains("<li>deux</li>", html);
        Assert.Contains("<ol>", html);
        Assert.Contains("<li>second</li>", html);
    }

    [Theory]
    [InlineData("https://example.org/page")]
    [InlineData("http://example.org")]
    [InlineData("mailto:ana@example.org")]
    [InlineData("/campagnes/autre")]
    public void ToHtml_SafeLink_KeptWithNofollowNoopener(string url) =>
        Assert.Contains($"<a href=\"{url}\" rel=\"nofollow noopener\">lien</a>", StoryMarkdown.ToHtml($"Voir [lien]({url})."));

    [Fact]
    public void ToHtml_BareWebAddress_LinkedWithNofollowNoopener() =>
        Assert.Contains(
            "<a href=\"https://bare.example/x\" rel=\"nofollow noopener\">https://bare.example/x</a>",
            StoryMarkdown.ToHtml("Voir https://bare.example/x aujourd'hui"));

    [Fact]
    public void ToHtml_ReferenceLinkToWebAddress_KeptWithNofollowNoopener() =>
        Assert.Contains(
            "<a href=\"https://ok.example\" rel=\"nofollow noopener\">ref</a>",
            StoryMarkdown.ToHtml("[ref][1]\n\n[1]: https://ok.example"));

    [Fact]
    public void ToHtml_AngleBracketAutolink_KeptWithNofollowNoopener() =>
        Assert.Contains(
            "<a href=\"https://example.org\" rel=\"nofollow noopener\">https://example.org</a>",
            StoryMarkdown.ToHtml("Voir <https://example.org>"));

    [Fact]
    public void ToHtml_EmailAutolink_RendersMailtoLink() =>
        Assert.Contains("href=\"mailto:ana@example.org\"", StoryMarkdown.ToHtml("Écrivez à <ana@example.org>"));

    [Fact]
    public void ToHtml_ScriptTag_Escaped()
    {
        var html = StoryMarkdown.ToHtml("<script>alert(1)</script>");

        Assert.DoesNotContain("<script", html);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", html);
    }

    [Fact]
    public void ToHtml_InlineImgWithOnerror_Escaped()
    {
        var html = StoryMarkdown.ToHtml("Texte <img src=x onerror=alert(1)> fin");

        Assert.DoesNotContain("<img", html);
        Assert.Contains("&lt;img src=x onerror=alert(1)&gt;", html);
    }

    [Fact]
    public void ToHtml_IframeBlock_Escaped()
    {
        var html = StoryMarkdown.ToHtml("<iframe src=\"https://evil.example\"></iframe>");

        Assert.DoesNotContain("<iframe", html);
        Assert.Contains("&lt;iframe", html);
    }

    [Theory]
    [InlineData("javascript:alert(1)")]
    [InlineData("JavaScript:alert(1)")]
    [InlineData("data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==")]
    [InlineData("vbscript:msgbox(1)")]
    [InlineData("//evil.example/x")]
    [InlineData("/\\evil.example/x")]
    [InlineData("&#106;avascript:alert(1)")]
    public void ToHtml_UnsafeLinkTarget_TextKeptWithoutHref(string url)
    {
        var html = StoryMarkdown.ToHtml($"Cliquez [ici]({url}) vite");

        Assert.DoesNotContain("href", html);
        Assert.DoesNotContain("<a", html);
        Assert.Contains("Cliquez ici vite", html);
    }

    [Fact]
    public void ToHtml_ReferenceLinkToJavascript_TextKeptWithoutHref()
    {
        var html = StoryMarkdown.ToHtml("[ref][1]\n\n[1]: javascript:alert(1)");

        Assert.DoesNotContain("href", html);
        Assert.Contains("ref", html);
    }

    [Fact]
    public void ToHtml_UnsafeLinkWithFormattedText_FormattingKept()
    {
        var html = StoryMarkdown.ToHtml("[**gras**](javascript:alert(1))");

        Assert.DoesNotContain("href", html);
        Assert.Contains("<strong>gras</strong>", html);
    }

    [Fact]
    public void ToHtml_LocalImage_Rendered() =>
        Assert.Contains(
            "<img src=\"/images/affiche.png\" alt=\"affiche\"",
            StoryMarkdown.ToHtml("![affiche](/images/affiche.png)"));

    [Theory]
    [InlineData("https://tracker.example/p.gif")]
    [InlineData("http://tracker.example/p.gif")]
    [InlineData("//tracker.example/p.gif")]
    [InlineData("data:image/gif;base64,R0lGODlhAQABAAAAACw=")]
    public void ToHtml_ExternalImage_NoImgAltTextKept(string url)
    {
        var html = StoryMarkdown.ToHtml($"![pixel]({url})");

        Assert.DoesNotContain("<img", html);
        Assert.DoesNotContain("tracker.example", html);
        Assert.Contains("pixel", html);
    }

    [Theory]
    [InlineData("<javascript:alert(1)>")]
    [InlineData("<vbscript:msgbox(1)>")]
    [InlineData("<data:text/html,x>")]
    public void ToHtml_UnsafeAutolink_NotALink(string markdown)
    {
        var html = StoryMarkdown.ToHtml(markdown);

        Assert.DoesNotContain("<a", html);
        Assert.DoesNotContain("href", html);
    }

    [Theory]
    [InlineData("Paragraphe {onclick=alert(1)}")]
    [InlineData("# Titre {onclick=alert(1)}")]
    [InlineData("[lien](https://example.org){onclick=alert(1)}")]
    [InlineData("*mot*{onclick=alert(1)}")]
    public void ToHtml_AttributeSyntax_NoOnclickAttribute(string markdown) =>
        Assert.DoesNotMatch(@"<[^>]*\sonclick\s*=", StoryMarkdown.ToHtml(markdown));
}
