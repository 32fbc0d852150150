using Relais.Sharing;

namespace Relais.Core.Tests.Sharing;

public class ShareTextTests
{
    [Fact]
    public void Length_X_CountsTheAddedLinkAs23AndASpace() =>
        Assert.Equal(5 + 24, ShareText.Length(ShareNetworks.X, "hello"));

    [Fact]
    public void Length_XWithLinkInText_CountsItAs23() =>
        Assert.Equal(4 + 23 + 24, ShareText.Length(ShareNetworks.X, "see https://example.org/a/very/long/path/that/goes/on/and/on"));

    [Fact]
    public void Length_XWithEmojiAndCjk_WeighsThemTwo() =>
        Assert.Equal(2 + 2 + 1 + 24, ShareText.Length(ShareNetworks.X, "👍🏽日é"));

    [Fact]
    public void Length_XWithAccents_CountsThemOne() =>
        Assert.Equal(5 + 24, ShareText.Length(ShareNetworks.X, "élève"));

    [Fact]
    public void Length_Bluesky_CountsGraphemesAndTheLinkAllowance() =>
        Assert.Equal(2 + ShareText.LinkAllowance + 1, ShareText.Length(ShareNetworks.Bluesky, "👍🏽é"));

    [Fact]
    public void Validate_XAt280_IsAccepted() =>
        Assert.Empty(ShareText.Validate(ShareNetworks.X, "fr", new string('a', 280 - 24)));

    [Fact]
    public void Validate_XOver280WithLink_IsRefused()
    {
        var error = Assert.Single(ShareText.Validate(ShareNetworks.X, "fr", new string('a', 280 - 23)));
        Assert.Equal("The post is too long for {0}: {1} characters with the link, {2} at most.", error.MessageKey);
        Assert.Equal(["X", 281, 280], error.Arguments);
    }

    [Fact]
    public void Validate_MastodonAt500_IsAccepted() =>
        Assert.Empty(ShareText.Validate(ShareNetworks.Mastodon, "en", new string('a', 500 - 24)));

    [Theory]
    [InlineData("myspace", "fr", "Hello", "Choose one of the networks of the list.")]
    [InlineData(null, "fr", "Hello", "Choose one of the networks of the list.")]
    [InlineData("x", "de", "Hello", "Choose French or English.")]
    [InlineData("x", "fr", "  ", "Write the text of the post.")]
    [InlineData("x", "fr", null, "Write the text of the post.")]
    public void Validate_BadInput_SaysWhy(string? network, string? language, string? text, string key) =>
        Assert.Equal(key, Assert.Single(ShareText.Validate(network, language, text)).MessageKey);

    [Fact]
    public void Validate_OverStoredMax_IsRefused() =>
        Assert.Equal("The post is too long: {0} characters at most.",
            Assert.Single(ShareText.Validate(ShareNetworks.Email, "en", new string('a', ShareText.StoredMax + 1))).MessageKey);

    [Theory]
    [InlineData("mastodon.social", "mastodon.social")]
    [InlineData(" https://Mastodon.Social/ ", "mastodon.social")]
    [InlineData("@me@piaille.fr", "piaille.fr")]
    [InlineData("mamot.fr", "mamot.fr")]
    public void TryNormalize_HostNames_GiveTheHost(string input, string host)
    {
        Assert.True(MastodonInstance.TryNormalize(input, out var normalized));
        Assert.Equal(host, normalized);
    }

    [Theory]
    [InlineData("localhost")]
    [InlineData("10.0.0.1")]
    [InlineData("evil.example/share?x=")]
    [InlineData("evil.example:8080")]
    [InlineData("user@evil.example")]
    [InlineData("-bad.example")]
    [InlineData("javascript:alert(1)")]
    [InlineData("a b.example")]
    public void TryNormalize_NotAHostName_IsRefused(string input) =>
        Assert.False(MastodonInstance.TryNormalize(input, out _));

    [Fact]
    public void TryNormalize_TooLong_IsRefused() =>
        Assert.False(MastodonInstance.TryNormalize(new string('a', 300) + ".org", out _));
}
