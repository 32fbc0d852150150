using Relais.Sharing;

namespace Relais.Core.Tests.Sharing;

public class ShareUrlsTests
{
    private const string Link = "https://relais.example.org/r/AAAAAAAAAAAAAAAAAAAAAA/couches?n=x";

    // Accents, an emoji, a hashtag, an ampersand and a new line: what encoding usually breaks.
    private const string Text = "Signez ! Élan & joie 🎉\n#palidzesim";
    private const string Encoded = "Signez%20%21%20%C3%89lan%20%26%20joie%20%F0%9F%8E%89%0A%23palidzesim";
    private const string EncodedLink = "https%3A%2F%2Frelais.example.org%2Fr%2FAAAAAAAAAAAAAAAAAAAAAA%2Fcouches%3Fn%3Dx";

    [Fact]
    public void For_X_PutsTextAndLinkInTheTweet() =>
        Assert.Equal("https://twitter.com/intent/tweet?text=" + Encoded + "%20" + EncodedLink, ShareUrls.For(ShareNetworks.X, Text, Link));

    [Fact]
    public void For_Facebook_GivesOnlyTheLink() =>
        Assert.Equal("https://www.facebook.com/sharer/sharer.php?u=" + EncodedLink, ShareUrls.For(ShareNetworks.Facebook, Text, Link));

    [Fact]
    public void For_WhatsApp_PutsTheLinkAfterABlankLine() =>
        Assert.Equal("https://wa.me/?text=" + Encoded + "%0A%0A" + EncodedLink, ShareUrls.For(ShareNetworks.WhatsApp, Text, Link));

    [Fact]
    public void For_Telegram_GivesLinkAndTextApart() =>
        Assert.Equal("https://t.me/share/url?url=" + EncodedLink + "&text=" + Encoded, ShareUrls.For(ShareNetworks.Telegram, Text, Link));

    [Fact]
    public void For_Bluesky_PutsTextAndLinkInThePost() =>
        Assert.Equal("https://bsky.app/intent/compose?text=" + Encoded + "%20" + EncodedLink, ShareUrls.For(ShareNetworks.Bluesky, Text, Link));

    [Fact]
    public void For_MastodonWithInstance_UsesTheInstance() =>
        Assert.Equal("https://mastodon.social/share?text=" + Encoded + "%20" + EncodedLink,
            ShareUrls.For(ShareNetworks.Mastodon, Text, Link, mastodonInstance: "https://Mastodon.Social/"));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("evil.example/path?x=")]
    [InlineData("127.0.0.1")]
    public void For_MastodonWithoutValidInstance_GivesNull(string? instance) =>
        Assert.Null(ShareUrls.For(ShareNetworks.Mastodon, Text, Link, mastodonInstance: instance));

    [Fact]
    public void For_LinkedIn_GivesOnlyTheLink() =>
        Assert.Equal("https://www.linkedin.com/sharing/share-offsite/?url=" + EncodedLink, ShareUrls.For(ShareNetworks.LinkedIn, Text, Link));

    [Fact]
    public void For_Email_EncodesSubjectAndCrlfBody() =>
        Assert.Equal(
            "mailto:?subject=Des%20couches%20%26%20du%20lait&body=Signez%20%21%20%C3%89lan%20%26%20joie%20%F0%9F%8E%89%0D%0A%23palidzesim%0D%0A%0D%0A" + EncodedLink,
            ShareUrls.For(ShareNetworks.Email, Text, Link, subject: "Des couches & du lait"));

    [Fact]
    public void For_Sms_PutsTextAndLinkInTheBody() =>
        Assert.Equal("sms:?&body=" + Encoded + "%20" + EncodedLink, ShareUrls.For(ShareNetworks.Sms, Text, Link));

    [Fact]
    public void For_EmptyText_GivesTheLinkAlone() =>
        Assert.Equal("https://twitter.com/intent/tweet?text=" + EncodedLink, ShareUrls.For(ShareNetworks.X, "  ", Link));

    [Fact]
    public void For_UnknownNetwork_GivesNull() =>
        Assert.Null(ShareUrls.For("myspace", Text, Link));

    [Fact]
    public void For_WindowsLineEndings_BecomeOneNewLine() =>
        Assert.Equal("https://wa.me/?text=a%0Ab%0A%0A" + EncodedLink, ShareUrls.For(ShareNetworks.WhatsApp, "a\r\nb", Link));
}
