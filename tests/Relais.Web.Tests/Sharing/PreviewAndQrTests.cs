using System.Net;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace Relais.Web.Tests.Sharing;

/// <summary>Link previews on public pages, and QR codes of action links.</summary>
public abstract partial class PreviewAndQrTests(RelaisHost host)
{
    private static readonly byte[] PngSignature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    [GeneratedRegex("<meta (?:property|name)=\"([a-z:_]+)\" content=\"([^\"]*)\">")]
    private static partial Regex MetaPattern();

    private static Dictionary<string, string> Metas(string html) =>
        MetaPattern().Matches(html).GroupBy(m => m.Groups[1].Value).ToDictionary(g => g.Key, g => WebUtility.HtmlDecode(g.First().Groups[2].Value));

    [Theory]
    [InlineData("home")]
    [InlineData("campaign")]
    [InlineData("thanks")]
    public async Task PublicPage_HasOpenGraphAndTwitterCardWithAbsoluteUrls(string page)
    {
        host.SkipIfUnavailable();
        var organization = await host.Data.OrganizationAsync();
        var campaign = await host.Data.CampaignAsync(organization.Id);
        var path = page switch { "home" => "/", "campaign" => $"/c/{campaign.Slug}", _ => $"/c/{campaign.Slug}/thanks" };

        var html = await (await host.Browser("fr").GetAsync(path)).Content.ReadAsStringAsync();

        var metas = Metas(html);
        foreach (var tag in new[] { "og:title", "og:description", "og:url", "og:image", "og:locale", "twitter:card", "twitter:image" })
        {
            Assert.True(metas.ContainsKey(tag) && metas[tag].Length > 0, $"{tag} missing on {path}");
        }
        Assert.Equal("summary_large_image", metas["twitter:card"]);
        Assert.Equal("fr_FR", metas["og:locale"]);
        Assert.True(Uri.TryCreate(metas["og:image"], UriKind.Absolute, out var image) && image.Scheme == "http", metas["og:image"]);
        Assert.Equal(HttpStatusCode.OK, (await host.Browser().GetAsync(image!.AbsolutePath)).StatusCode);
        Assert.Equal(page == "home" ? "http://localhost:5080/" : $"http://localhost:5080/c/{campaign.Slug}", metas["og:url"]);
        if (page != "home")
        {
            Assert.Equal("Titre " + campaign.Slug, metas["og:title"]);
            Assert.Equal("La demande", metas["og:description"]);
        }
    }

    [Fact]
    public async Task QrPng_OfACampaign_IsAPngDownloadWithCaching()
    {
        host.SkipIfUnavailable();
        var organization = await host.Data.OrganizationAsync();
        var campaign = await host.Data.CampaignAsync(organization.Id);

        var response = await host.Browser().GetAsync($"/c/{campaign.Slug}/qr.png");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/png", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal($"{campaign.Slug}-qr.png", response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName);
        Assert.Contains("max-age=86400", response.Headers.CacheControl?.ToString());
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(PngSignature, bytes[..8]);
        Assert.True(bytes.Length > 200);
    }

    [Fact]
    public async Task QrSvg_OfARelayLink_IsWellFormedSvg()
    {
        host.SkipIfUnavailable();
        var organization = await host.Data.OrganizationAsync();
        var campaign = await host.Data.CampaignAsync(organization.Id);
        var code = Relais.Messaging.RelayCode.For(Guid.CreateVersion7());

        var response = await host.Browser().GetAsync($"/c/{campaign.Slug}/qr.svg?ref={code}&size=4");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/svg+xml", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        var svg = XDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("svg", svg.Root?.Name.LocalName);
        Assert.Equal("http://www.w3.org/2000/svg", svg.Root?.Name.NamespaceName);
    }

    [Fact]
    public async Task Qr_RelayLinkAndCampaignLink_AreDifferentCodes()
    {
        host.SkipIfUnavailable();
        var organization = await host.Data.OrganizationAsync();
        var campaign = await host.Data.CampaignAsync(organization.Id);
        var code = Relais.Messaging.RelayCode.For(Guid.CreateVersion7());

        var plain = await host.Browser().GetStringAsync($"/c/{campaign.Slug}/qr.svg");
        var personal = await host.Browser().GetStringAsync($"/c/{campaign.Slug}/qr.svg?ref={code}");

        Assert.NotEqual(plain, personal);
    }

    [Theory]
    [InlineData("?size=999")]
    [InlineData("?size=0")]
    [InlineData("?size=abc")]
    [InlineData("?ref=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("?ref=not-a-code")]
    public async Task Qr_OversizedOrMalformedParameters_Return400(string query)
    {
        host.SkipIfUnavailable();
        var organization = await host.Data.OrganizationAsync();
        var campaign = await host.Data.CampaignAsync(organization.Id);

        Assert.Equal(HttpStatusCode.BadRequest, (await host.Browser().GetAsync($"/c/{campaign.Slug}/qr.png{query}")).StatusCode);
    }

    [Fact]
    public async Task Qr_UnpublishedOrUnknownCampaign_Returns404()
    {
        host.SkipIfUnavailable();
        var organization = await host.Data.OrganizationAsync();
        var draft = await host.Data.CampaignAsync(organization.Id, published: false);

        Assert.Equal(HttpStatusCode.NotFound, (await host.Browser().GetAsync($"/c/{draft.Slug}/qr.png")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await host.Browser().GetAsync($"/c/{new string('a', 300)}/qr.svg")).StatusCode);
    }
}

public sealed class PreviewAndQrOnSqlite(SqliteHost host) : PreviewAndQrTests(host), IClassFixture<SqliteHost>;

public sealed class PreviewAndQrOnPostgres(PostgresHost host) : PreviewAndQrTests(host), IClassFixture<PostgresHost>;
