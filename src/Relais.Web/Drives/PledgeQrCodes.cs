using Microsoft.Extensions.Options;
using QRCoder;
using Relais.Drives;
using Relais.Messaging;

namespace Relais.Web.Drives;

/// <summary>
/// GET /pledges/{code}/qr.svg and .png: the pledge's QR code. It carries the absolute address of
/// the organizer's page of the pledge, which a phone camera opens at the drop-off; the code alone
/// gives a stranger nothing, as that page requires a member of the organization.
/// </summary>
public static class PledgeQrCodes
{
    public static string AdminPath(string code) => "/admin/pledges/" + code;

    public static IEndpointRouteBuilder MapPledgeQrCodes(this IEndpointRouteBuilder app)
    {
        app.MapGet("/pledges/{code}/qr.svg", (string code, IOptions<PublicUrlOptions> url) => Qr(code, svg: true, url.Value));
        app.MapGet("/pledges/{code}/qr.png", (string code, IOptions<PublicUrlOptions> url) => Qr(code, svg: false, url.Value));
        return app;
    }

    private static IResult Qr(string code, bool svg, PublicUrlOptions url)
    {
        if (!ItemPledge.LooksLikeCode(code))
        {
            return Results.NotFound();
        }
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(url.Link(AdminPath(code)), QRCodeGenerator.ECCLevel.M);
        return svg
            ? Results.Text(new SvgQRCode(data).GetGraphic(8), "image/svg+xml")
            : Results.File(new PngByteQRCode(data).GetGraphic(8), "image/png");
    }
}
