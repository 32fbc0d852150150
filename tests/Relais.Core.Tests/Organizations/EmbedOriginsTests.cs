using Relais.Organizations;

namespace Relais.Core.Tests.Organizations;

public class EmbedOriginsTests
{
    [Theory]
    [InlineData("https://example.org", "https://example.org")]
    [InlineData(" HTTPS://Example.ORG/ ", "https://example.org")]
    [InlineData("https://example.org:443", "https://example.org")]
    [InlineData("http://127.0.0.1:8080", "http://127.0.0.1:8080")]
    [InlineData("https://sub.example.org:8443", "https://sub.example.org:8443")]
    public void Normalize_Origin_GivesSchemeHostAndPort(string typed, string expected) =>
        Assert.Equal(expected, EmbedOrigins.Normalize(typed));

    [Theory]
    [InlineData("example.org")]
    [InlineData("https://example.org/petitions")]
    [InlineData("https://example.org/?a=1")]
    [InlineData("https://example.org#top")]
    [InlineData("https://*.example.org")]
    [InlineData("*")]
    [InlineData("ftp://example.org")]
    [InlineData("javascript:alert(1)")]
    [InlineData("https://user:pw@example.org")]
    [InlineData("'self'")]
    [InlineData("https://example.org;script-src")]
    public void Normalize_NotAnOrigin_GivesNull(string typed) => Assert.Null(EmbedOrigins.Normalize(typed));

    [Fact]
    public void TryParse_LinesWithDuplicates_GivesDistinctOrigins()
    {
        Assert.True(EmbedOrigins.TryParse("https://a.org\r\n\nhttps://A.org/\nhttp://b.org:81", out var origins, out _));
        Assert.Equal(["https://a.org", "http://b.org:81"], origins);
    }

    [Fact]
    public void TryParse_OneBadLine_NamesIt()
    {
        Assert.False(EmbedOrigins.TryParse("https://a.org\nhttps://b.org/path", out _, out var bad));
        Assert.Equal("https://b.org/path", bad);
    }

    [Fact]
    public void TryParse_TooMany_Fails() =>
        Assert.False(EmbedOrigins.TryParse(string.Join('\n', Enumerable.Range(1, 21).Select(i => $"https://s{i}.org")), out _, out _));
}
