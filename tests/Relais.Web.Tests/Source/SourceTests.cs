using System.Net;

namespace Relais.Web.Tests.Source;

/// <summary>The AGPL (section 13) asks that users of a network service can get its source: every page links to it.</summary>
public sealed class SourceTests
{
    [Theory]
    [InlineData("en", "Source code and licence", "GNU Affero General Public License, version 3 or (at your option) any later version")]
    [InlineData("fr", "Code source et licence", "licence publique générale GNU Affero, version 3 ou (à votre choix) toute version ultérieure")]
    public async Task Footer_OnEveryPublicPage_LinksToTheLicenceAndSource(string language, string link, string grant)
    {
        await using var host = new SqliteHost();
        var browser = host.Browser(language);
        foreach (var url in new[] { "/", "/admin/login" })
        {
            var html = await browser.GetStringAsync(url);
            Assert.Contains($"<a href=\"/source\">{link}</a>", html);
        }
        var source = await browser.GetAsync("/source");
        Assert.Equal(HttpStatusCode.OK, source.StatusCode);
        var page = await source.Content.ReadAsStringAsync();
        Assert.Contains(grant, page);
        // The whole licence, from the repository's LICENSE file.
        Assert.Contains("GNU AFFERO GENERAL PUBLIC LICENSE", page);
        Assert.Contains("13. Remote Network Interaction; Use with the GNU General Public", page);
        Assert.Contains("END OF TERMS AND CONDITIONS", page);
    }

    [Fact]
    public async Task SourcePage_WithAConfiguredSourceUrl_LinksToIt()
    {
        await using var host = new SqliteHost();
        host.Set("Relais:SourceUrl", "https://code.example.org/our-relais");
        var page = await host.Browser().GetStringAsync("/source");
        Assert.Contains("<a href=\"https://code.example.org/our-relais\" rel=\"noopener\">", page);
        Assert.DoesNotContain("write to the people who run this site", page);
    }

    [Fact]
    public void LicenseFile_AtTheRoot_IsTheAgplVersion3()
    {
        var root = AppContext.BaseDirectory;
        while (!File.Exists(Path.Combine(root, "Relais.slnx")))
        {
            root = Path.GetDirectoryName(root) ?? throw new InvalidOperationException("No Relais.slnx above the test folder.");
        }
        var license = File.ReadAllText(Path.Combine(root, "LICENSE"));
        Assert.StartsWith("                    GNU AFFERO GENERAL PUBLIC LICENSE\n                       Version 3, 19 November 2007", license);
        var props = File.ReadAllText(Path.Combine(root, "Directory.Build.props"));
        Assert.Contains("<PackageLicenseExpression>AGPL-3.0-or-later</PackageLicenseExpression>", props);
    }
}
