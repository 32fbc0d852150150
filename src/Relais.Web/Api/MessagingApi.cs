using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Relais.Data;
using Relais.Messaging;
using Relais.Organizations;
using Relais.Web.Emails;
using Relais.Web.Localization;
using Relais.Web.Members;
using Relais.Web.Pages.Admin.Messages;

namespace Relais.Web.Api;

/// <summary>The email endpoints that are not pages: the composer's and the send's, and the email's preferences link.</summary>
public static class MessagingApi
{
    /// <summary>
    /// The policy of <c>/admin/messages/{id}/preview.html</c>: the email's HTML is served alone, running no
    /// script and loading nothing but images, so that whatever a body holds cannot act inside the admin pages.
    /// </summary>
    public const string PreviewContentSecurityPolicy =
        "default-src 'none'; img-src https: data:; style-src 'unsafe-inline'; sandbox; frame-ancestors 'self'; base-uri 'none'; form-action 'none'";

    /// <summary>What GET /admin/messages/segment-size answers: the count and the sentence the composer shows.</summary>
    public sealed record SegmentSizeAnswer(int? Count, string Text);

    public static IEndpointRouteBuilder MapMessagingApi(this IEndpointRouteBuilder app)
    {
        var admin = app.MapGroup("/admin/messages").RequireAuthorization(Policies.Member);
        admin.MapGet("/segment-size", GetSegmentSize);
        admin.MapGet("/{id:guid}/preview.html", GetPreviewHtml);
        admin.MapGet("/{id:guid}/progress.json", GetProgress);

        // The links in an email work without an account.
        var links = app.MapGroup("/u").AllowAnonymous();
        links.MapGet("/{token}/preferences", OpenPreferences);
        return app;
    }

    /// <summary>
    /// How many supporters a saved segment holds now, for the composer: changing the segment
    /// updates the sentence without saving.
    /// </summary>
    private static async Task<Results<Ok<SegmentSizeAnswer>, NotFound>> GetSegmentSize(
        Guid segment, RelaisDb db, CurrentOrganization organization, TimeProvider clock, IStringLocalizer<SharedResource> localizer, CancellationToken ct)
    {
        var count = await SegmentSize.CountAsync(db, organization.Id, segment, clock.GetUtcNow(), ct);
        return count is { } value
            ? TypedResults.Ok(new SegmentSizeAnswer(value, ComposerText.SegmentSize(localizer, value)))
            : TypedResults.NotFound();
    }

    /// <summary>The email's HTML for the preview's sandboxed frame.</summary>
    private static async Task<Results<ContentHttpResult, NotFound>> GetPreviewHtml(
        Guid id, Guid? supporter, HttpContext http, RelaisDb db, CurrentOrganization organization, MessagePreview preview, CancellationToken ct)
    {
        var message = await db.Messages.AsNoTracking().InOrganization(organization.Id).SingleOrDefaultAsync(m => m.Id == id, ct);
        if (message is null || await preview.RenderAsync(message, supporter, ct) is not { } email)
        {
            return TypedResults.NotFound();
        }
        var headers = http.Response.Headers;
        headers.ContentSecurityPolicy = PreviewContentSecurityPolicy;
        headers.CacheControl = "no-store";
        headers["Referrer-Policy"] = "no-referrer";
        return TypedResults.Content(email.Email.Html, "text/html; charset=utf-8");
    }

    /// <summary>A send's figures for progress.js, from the message's running totals.</summary>
    private static async Task<Results<Ok<SendFigures>, NotFound>> GetProgress(
        Guid id, RelaisDb db, CurrentOrganization organization, CancellationToken ct)
    {
        var message = await db.Messages.AsNoTracking().InOrganization(organization.Id).SingleOrDefaultAsync(m => m.Id == id, ct);
        return message is null ? TypedResults.NotFound() : TypedResults.Ok(SendFigures.Of(message));
    }

    /// <summary>
    /// /u/{token}/preferences: the email's preferences link leads to the usual preferences page,
    /// through a fresh single-person token (the signed link itself never expires).
    /// </summary>
    private static async Task<Results<RedirectHttpResult, NotFound>> OpenPreferences(
        string token, RecipientLinks links, Unsubscriptions unsubscriptions, CancellationToken ct)
    {
        if (!links.TryReadUnsubscribe(token, out var supporterId, out _)
            || await unsubscriptions.PreferencesSecretAsync(supporterId, ct) is not { } secret)
        {
            return TypedResults.NotFound();
        }
        return TypedResults.Redirect("/preferences/" + secret);
    }
}
