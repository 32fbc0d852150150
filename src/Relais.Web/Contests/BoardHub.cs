using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Relais.Data;
using Relais.Web.Live;

namespace Relais.Web.Contests;

/// <summary>
/// The in-process hub of live contest boards: one feed per contest someone watches. When the board
/// signal says a contest changed, the board is read once and the same bytes go to every watcher;
/// a burst of changes is read once more at the end, never once per donation.
/// </summary>
public sealed class BoardHub(IDbContextFactory<RelaisDb> dbFactory, ContestBoards boards, IOptions<LiveOptions> options, ILogger<BoardHub> logger)
{
    private sealed class Feed
    {
        public readonly List<LiveSubscriber> Subscribers = [];
        public long Version = -1;
        public byte[]? Latest;
        public bool Reading;
        public bool Again;
    }

    private readonly Dictionary<Guid, Feed> _feeds = new();
    private readonly Lock _lock = new();

    public IReadOnlyList<Guid> Watched()
    {
        lock (_lock)
        {
            return _feeds.Keys.ToList();
        }
    }

    public long VersionOf(Guid contestId)
    {
        lock (_lock)
        {
            return _feeds.TryGetValue(contestId, out var feed) ? feed.Version : -1;
        }
    }

    /// <summary>Starts watching; returns the latest board event known here (null before the first read).</summary>
    public (long Version, byte[]? Event) Subscribe(Guid contestId, BoardEvent.Board current, LiveSubscriber subscriber)
    {
        lock (_lock)
        {
            if (!_feeds.TryGetValue(contestId, out var feed))
            {
                feed = new Feed();
                _feeds.Add(contestId, feed);
            }
            if (current.Version > feed.Version)
            {
                feed.Version = current.Version;
                feed.Latest = BoardEvent.For(current);
            }
            feed.Subscribers.Add(subscriber);
            return (feed.Version, feed.Latest);
        }
    }

    public void Unsubscribe(Guid contestId, LiveSubscriber subscriber)
    {
        lock (_lock)
        {
            if (_feeds.TryGetValue(contestId, out var feed))
            {
                feed.Subscribers.Remove(subscriber);
                if (feed.Subscribers.Count == 0)
                {
                    _feeds.Remove(contestId);
                }
            }
        }
    }

    /// <summary>Says a contest's board changed (a commit here or on another node); returns at once.</summary>
    public void Changed(Guid contestId)
    {
        lock (_lock)
        {
            if (!_feeds.TryGetValue(contestId, out var feed))
            {
                return;
            }
            if (feed.Reading)
            {
                feed.Again = true;
                return;
            }
            feed.Reading = true;
        }
        _ = Task.Run(() => RefreshAsync(contestId));
    }

    public void Heartbeat()
    {
        lock (_lock)
        {
            foreach (var feed in _feeds.Values)
            {
                foreach (var subscriber in feed.Subscribers)
                {
                    subscriber.OfferHeartbeat();
                }
            }
        }
    }

    private async Task RefreshAsync(Guid contestId)
    {
        while (true)
        {
            try
            {
                await using var db = await dbFactory.CreateDbContextAsync();
                var view = await boards.ReadAsync(db, contestId, CancellationToken.None);
                if (view is not null)
                {
                    Publish(contestId, BoardEvent.From(view));
                }
            }
            catch (Exception ex)
            {
                logger.LogWarning(ex, "Could not read the board of contest {ContestId}", contestId);
            }
            lock (_lock)
            {
                if (!_feeds.TryGetValue(contestId, out var feed))
                {
                    return;
                }
                if (!feed.Again)
                {
                    feed.Reading = false;
                    return;
                }
                feed.Again = false;
            }
            // Bursts of donations become one read per interval.
            await Task.Delay(options.Value.MinInterval);
        }
    }

    private void Publish(Guid contestId, BoardEvent.Board board)
    {
        lock (_lock)
        {
            if (!_feeds.TryGetValue(contestId, out var feed) || board.Version <= feed.Version)
            {
                return;
            }
            feed.Version = board.Version;
            feed.Latest = BoardEvent.For(board);
            foreach (var subscriber in feed.Subscribers)
            {
                subscriber.Offer(feed.Latest);
            }
        }
    }
}
