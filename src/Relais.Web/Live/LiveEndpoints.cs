using Relais.Petitions;
using Relais.Web.Campaigns;

namespace Relais.Web.Live;

/// <summary>GET /c/{slug}/live: the petition's count as server-sent events.</summary>
internal static class LiveEndpoints
{
    public static void MapLiveCounters(this IEndpointRouteBuilder app) =>
        app.MapGet("/c/{slug}/live", StreamAsync).ExcludeFromDescription();

    private static async Task StreamAsync(
        string slug, HttpContext context, CampaignPages pages, PetitionCounters counters, LiveCounters live)
    {
        var ct = context.RequestAborted;
        var petition = (await pages.FindPublishedAsync(slug, ct))?.Petition;
        if (petition is null)
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }
        var response = context.Response;
        response.ContentType = "text/event-stream";
        response.Headers.CacheControl = "no-cache, no-store";
        // Asks reverse proxies (nginx) not to hold events back in their buffers.
        response.Headers["X-Accel-Buffering"] = "no";

        var subscriber = new LiveSubscriber();
        var (count, goal) = live.Subscribe(petition.Id, counters.Get(petition.Id, petition.StoredCount), petition.Goal, subscriber);
        try
        {
            await response.Body.WriteAsync(CountEvent.Retry, ct);
            if (CountEvent.LastSeen(context.Request.Headers["Last-Event-ID"]) != count)
            {
                await response.Body.WriteAsync(CountEvent.For(count, goal), ct);
            }
            await response.Body.FlushAsync(ct);
            var events = subscriber.Events;
            while (await events.WaitToReadAsync(ct))
            {
                while (events.TryRead(out var bytes))
                {
                    await response.Body.WriteAsync(bytes, ct);
                }
                await response.Body.FlushAsync(ct);
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // The visitor left.
        }
        finally
        {
            live.Unsubscribe(petition.Id, subscriber);
        }
    }
}
