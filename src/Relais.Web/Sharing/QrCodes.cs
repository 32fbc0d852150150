using System.Globalization;
using Microsoft.Extensions.Options;
using QRCoder;
using Relais.Messaging;
using Relais.Relays;
using Relais.Web.Campaigns;

namespace Relais.Web.Sharing;

/// <summary>
/// GET /c/{slug}/qr.png and /c/{slug}/qr.svg: the campaign's link as a QR code for posters and
/// sign-up sheets, or with ?ref={code} a relay's personal link. Downloaded as a file.
/// </summary>
public static class QrCodes
{
    public const int DefaultModulePixels = 10;
    public const int MaxModulePixels = 40;

    public static IEndpointRouteBuilder MapQrCodes(this IEndpointRouteBuilder app)
    {
        app.MapGet("/c/{slug}/qr.png", (string slug, string? @ref, string? size, CampaignPages pages, IOptions<PublicUrlOptions> url, HttpContext http, CancellationToken ct) =>
            QrAsync(slug, @ref, size, svg: false, pages, url.Value, http, ct));
        app.MapGet("/c/{slug}/qr.svg", (string slug, string? @ref, string? size, CampaignPages pages, IOptions<PublicUrlOptions> url, HttpContext http, CancellationToken ct) =>
            QrAsync(slug, @ref, size, svg: true, pages, url.Value, http, ct));
        return app;
    }

    /// <summary>The address of a QR code for the campaign, or for a relay's link when <paramref name="supporterId"/> is set.</summary>
    public static string Path(string slug, string format, Guid? supporterId = null) =>
        $"/c/{Uri.EscapeDataString(slug)}/qr.{format}" + (supporterId is { } id ? "?ref=" + RelayCode.For(id) : "");

    private static async Task<IResult> QrAsync(
        string slug, string? code, string? size, bool svg, CampaignPages pages, PublicUrlOptions url, HttpContext http, CancellationToken ct)
    {
        var modulePixels = DefaultModulePixels;
        if (size is not null && (size.Length > 2
            || !int.TryParse(size, NumberStyles.None, CultureInfo.InvariantCulture, out modulePixels)
            || modulePixels is < 1 or > MaxModulePixels))
        {
            return Results.BadRequest($"size: a whole number of pixels per module from 1 to {MaxModulePixels}.");
        }
        Guid? supporterId = null;
        if (code is not null)
        {
            // The code is not looked up: a forged one only draws a link that the relay endpoint ignores.
            if (!RelayCode.TryRead(code, out var id))
            {
                return Results.BadRequest("ref: a relay code of 22 characters.");
            }
            supporterId = id;
        }
        var campaign = await pages.FindPublishedAsync(slug, ct);
        if (campaign is null)
        {
            return Results.NotFound();
        }
        var link = url.Link(supporterId is { } supporter ? RelayLinks.Path(campaign.Slug, supporter) : "/c/" + campaign.Slug);
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(link, QRCodeGenerator.ECCLevel.M);
        http.Response.Headers.CacheControl = "public, max-age=86400";
        var name = campaign.Slug + (supporterId is null ? "" : "-" + code) + "-qr";
        return svg
            ? Results.File(System.Text.Encoding.UTF8.GetBytes(new SvgQRCode(data).GetGraphic(modulePixels)), "image/svg+xml", name + ".svg")
            : Results.File(new PngByteQRCode(data).GetGraphic(modulePixels), "image/png", name + ".png");
    }
}
