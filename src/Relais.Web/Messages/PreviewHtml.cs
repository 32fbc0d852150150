using Microsoft.EntityFrameworkCore;
using Relais.Data;
using Relais.Organizations;
using Relais.Web.Members;

namespace Relais.Web.Messages;

/// <summary>
/// GET /admin/messages/{id}/preview.html: the email's HTML for the preview's sandboxed frame. It is
/// served alone under a policy that runs no script and loads nothing but images, so that whatever
/// a body holds cannot act inside the admin pages.
/// </summary>
public static class PreviewHtml
{
    public const string ContentSecurityPolicy =
        "default-src 'none'; img-src https: data:; style-src 'unsafe-inline'; sandbox; frame-ancestors 'self'; base-uri 'none'; form-action 'none'";

    public static IEndpointRouteBuilder MapPreviewHtml(this IEndpointRouteBuilder app)
    {
        app.MapGet("/admin/messages/{id:guid}/preview.html", AnswerAsync).RequireAuthorization(Policies.Member);
        return app;
    }

    private static async Task<IResult> AnswerAsync(
        Guid id, Guid? supporter, HttpContext http, RelaisDb db, CurrentOrganization organization, MessagePreview preview, CancellationToken ct)
    {
        var message = await db.Messages.AsNoTracking().InOrganization(organization.Id).SingleOrDefaultAsync(m => m.Id == id, ct);
        if (message is null || await preview.RenderAsync(message, supporter, ct) is not { } email)
        {
            return Results.NotFound();
        }
        var headers = http.Response.Headers;
        headers.ContentSecurityPolicy = ContentSecurityPolicy;
        headers.CacheControl = "no-store";
        headers["Referrer-Policy"] = "no-referrer";
        return Results.Content(email.Email.Html, "text/html; charset=utf-8");
    }
}
