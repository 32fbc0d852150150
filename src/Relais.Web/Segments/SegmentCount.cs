using System.Globalization;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Relais.Data;
using Relais.Segments;
using Relais.Web.Localization;
using Relais.Web.Members;

namespace Relais.Web.Segments;

/// <summary>POST /admin/segments/count: the builder's live count, from the same form fields as the page.</summary>
public static class SegmentCount
{
    public sealed record CountAnswer(int Count, string Text);

    public sealed record RowError(int? Row, string Message);

    public sealed record ErrorsAnswer(string Text, IReadOnlyList<RowError> Errors);

    public static IEndpointRouteBuilder MapSegmentCount(this IEndpointRouteBuilder app)
    {
        app.MapPost("/admin/segments/count", AnswerAsync).RequireAuthorization(Policies.Member).DisableAntiforgery();
        return app;
    }

    /// <summary>"1 234 matching supporters", formatted for the reader's culture.</summary>
    public static string Text(IStringLocalizer localizer, int count) =>
        count == 1 ? localizer["1 matching supporter"] : localizer["{0} matching supporters", count.ToString("N0", CultureInfo.CurrentCulture)];

    private static async Task<IResult> AnswerAsync(
        HttpContext http, RelaisDb db, CurrentOrganization organization, TimeProvider clock, IAntiforgery antiforgery,
        IStringLocalizer<SharedResource> localizer, CancellationToken ct)
    {
        if (!http.Request.HasFormContentType || !await antiforgery.IsRequestValidAsync(http))
        {
            return Results.BadRequest();
        }
        var form = SegmentForm.Read(await http.Request.ReadFormAsync(ct));
        if (await form.CheckAsync(db, organization.Id, ct) is not { } definition)
        {
            return Results.BadRequest(new ErrorsAnswer(
                localizer["The segment has invalid conditions."],
                [.. form.Errors.Select(e => new RowError(e.Row, SegmentMessages.Text(localizer, e)))]));
        }
        var count = await SegmentCounts.CountAsync(db, organization.Id, definition, clock.GetUtcNow(), ct);
        return Results.Ok(new CountAnswer(count, Text(localizer, count)));
    }
}
