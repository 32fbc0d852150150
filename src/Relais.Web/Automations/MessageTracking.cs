using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Relais.Activities;
using Relais.Data;
using Relais.Messaging;

namespace Relais.Web.Automations;

/// <summary>
/// The counted links and the open pixel of bulk emails (/m/{token}/…). The token names the
/// recipient and is signed, so nobody counts a click for someone else; the redirect goes only to a
/// link stored with the message, never to an address taken from the request.
/// </summary>
public static class MessageTracking
{
    /// <summary>The smallest transparent GIF (1×1).</summary>
    private static readonly byte[] Pixel = Convert.FromBase64String("R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7");

    public static IEndpointRouteBuilder MapMessageTracking(this IEndpointRouteBuilder app)
    {
        app.MapGet("/m/{token}/{index:int}", ClickAsync);
        app.MapGet("/m/{token}/open.gif", OpenAsync);
        return app;
    }

    private static async Task<Results<RedirectHttpResult, NotFound>> ClickAsync(
        string token, int index, RecipientLinks links, RelaisDb db, TimeProvider clock, HttpResponse response, CancellationToken ct)
    {
        if (!links.TryReadRecipient(token, out var recipientId))
        {
            return TypedResults.NotFound();
        }
        var hit = await (
                from r in db.MessageRecipients
                join m in db.Messages on r.MessageId equals m.Id
                join l in db.MessageLinks on r.MessageId equals l.MessageId
                where r.Id == recipientId && l.Index == index
                select new { r.MessageId, r.SupporterId, m.OrganizationId, m.CampaignId, l.Url })
            .AsNoTracking()
            .SingleOrDefaultAsync(ct);
        if (hit is null || !Uri.TryCreate(hit.Url, UriKind.Absolute, out var target) || target.Scheme is not ("http" or "https"))
        {
            return TypedResults.NotFound();
        }
        var now = clock.GetUtcNow();
        await using (var transaction = await db.Database.BeginTransactionAsync(ct))
        {
            var first = await db.MessageRecipients.Where(r => r.Id == recipientId && r.ClickedAt == null)
                .ExecuteUpdateAsync(s => s.SetProperty(r => r.ClickedAt, now), ct);
            await db.MessageLinks.Where(l => l.MessageId == hit.MessageId && l.Index == index)
                .ExecuteUpdateAsync(s => s.SetProperty(l => l.ClickCount, l => l.ClickCount + 1), ct);
            if (first == 1)
            {
                // The timeline says once that the person acted on the message; every click still counts on its link.
                await db.InsertAsync(new[] { NewActivity(hit.OrganizationId, hit.SupporterId, hit.CampaignId, hit.MessageId, ActivityType.Clicked, now) }, ct);
            }
            await db.Supporters.Where(s => s.Id == hit.SupporterId)
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.LastActiveAt, now), ct);
            await transaction.CommitAsync(ct);
        }
        response.Headers.CacheControl = "no-store";
        return TypedResults.Redirect(target.AbsoluteUri);
    }

    private static async Task<Results<FileContentHttpResult, NotFound>> OpenAsync(
        string token, RecipientLinks links, RelaisDb db, TimeProvider clock, HttpResponse response, CancellationToken ct)
    {
        if (!links.TryReadRecipient(token, out var recipientId))
        {
            return TypedResults.NotFound();
        }
        var hit = await (
                from r in db.MessageRecipients
                join m in db.Messages on r.MessageId equals m.Id
                where r.Id == recipientId
                select new { r.MessageId, r.SupporterId, m.OrganizationId, m.CampaignId, m.TrackOpens })
            .AsNoTracking()
            .SingleOrDefaultAsync(ct);
        if (hit is null)
        {
            return TypedResults.NotFound();
        }
        if (hit.TrackOpens)
        {
            var now = clock.GetUtcNow();
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var first = await db.MessageRecipients.Where(r => r.Id == recipientId && r.OpenedAt == null)
                .ExecuteUpdateAsync(s => s.SetProperty(r => r.OpenedAt, now), ct);
            if (first == 1)
            {
                await db.InsertAsync(new[] { NewActivity(hit.OrganizationId, hit.SupporterId, hit.CampaignId, hit.MessageId, ActivityType.Opened, now) }, ct);
            }
            await transaction.CommitAsync(ct);
        }
        response.Headers.CacheControl = "no-store";
        return TypedResults.File(Pixel, "image/gif");
    }

    private static Activity NewActivity(Guid organizationId, Guid supporterId, Guid? campaignId, Guid messageId, ActivityType type, DateTimeOffset now) => new()
    {
        OrganizationId = organizationId,
        SupporterId = supporterId,
        Type = type,
        CampaignId = campaignId,
        OccurredAt = now,
        Source = $"message:{messageId}",
    };
}
