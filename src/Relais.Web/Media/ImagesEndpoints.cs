using Microsoft.EntityFrameworkCore;
using Relais.Data;

namespace Relais.Web.Media;

public static class ImagesEndpoints
{
    /// <summary>GET /images/{id}: uploaded pictures, public and never changing under one id.</summary>
    public static IEndpointRouteBuilder MapImages(this IEndpointRouteBuilder app)
    {
        app.MapGet("/images/{id:guid}", async (Guid id, RelaisDb db, HttpContext http, CancellationToken ct) =>
        {
            var image = await db.Images.AsNoTracking()
                .Where(i => i.Id == id)
                .Select(i => new { i.ContentType, i.Bytes })
                .SingleOrDefaultAsync(ct);
            if (image is null)
            {
                return Results.NotFound();
            }
            http.Response.Headers.CacheControl = "public, max-age=31536000, immutable";
            return Results.Bytes(image.Bytes, image.ContentType);
        });
        return app;
    }
}
