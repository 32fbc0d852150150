using Microsoft.EntityFrameworkCore;
using Relais.Data;
using Relais.Web.Live;

namespace Relais.Web.Contests;

/// <summary>GET /contests/{slug}/board.json (the boards) and /contests/{slug}/live (the same, as server-sent events).</summary>
internal static class BoardEndpoints
{
    public static void MapContestBoards(this IEndpointRouteBuilder app)
    {
        app.MapGet("/contests/{slug}/board.json", BoardAsync).ExcludeFromDescription();
        app.MapGet("/contests/{slug}/live", StreamAsync).ExcludeFromDescription();
    }

    private static async Task<IResult> BoardAsync(string slug, RelaisDb db, ContestBoards boards, CancellationToken ct)
    {
        var view = await boards.ReadAsync(db, slug, ct);
        return view is null ? Results.NotFound() : Results.Bytes(BoardEvent.Serialize(BoardEvent.From(view)), "application/json");
    }

    private static async Task StreamAsync(string slug, HttpContext context, IDbContextFactory<RelaisDb> dbFactory, ContestBoards boards, BoardHub hub)
    {
        var ct = context.RequestAborted;
        ContestBoardView? view;
        // The stream lives long: its database connection is given back before it starts.
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            view = await boards.ReadAsync(db, slug, ct);
        }
        if (view is null)
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }
        EventStreams.Begin(context.Response);
        var contestId = view.Contest.Id;
        var subscriber = new LiveSubscriber();
        var (version, latest) = hub.Subscribe(contestId, BoardEvent.From(view), subscriber);
        try
        {
            var first = BoardEvent.LastSeen(context.Request.Headers["Last-Event-ID"]) != version ? latest : null;
            await EventStreams.RelayAsync(context.Response, first, subscriber, ct);
        }
        finally
        {
            hub.Unsubscribe(contestId, subscriber);
        }
    }
}
