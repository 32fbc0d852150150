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
        EventStreams.Begin(context.Response);
        var subscriber = new LiveSubscriber();
        var (count, goal) = live.Subscribe(petition.Id, counters.Get(petition.Id, petition.StoredCount), petition.Goal, subscriber);
        try
        {
            var first = CountEvent.LastSeen(context.Request.Headers["Last-Event-ID"]) != count ? CountEvent.For(count, goal) : null;
            await EventStreams.RelayAsync(context.Response, first, subscriber, ct);
        }
        finally
        {
            live.Unsubscribe(petition.Id, subscriber);
        }
    }
}
