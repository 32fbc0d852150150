using Microsoft.Extensions.Options;
using Relais.Petitions;

namespace Relais.Web.Live;

/// <summary>
/// The in-process hub of live counters: one feed per petition someone is watching, fed by every
/// rise of the petition's count on this node (its own commits, other nodes' through the counter
/// bus, and the periodic refresh).
/// </summary>
public sealed class LiveCounters
{
    private readonly Dictionary<Guid, PetitionFeed> _feeds = new();
    private readonly Lock _lock = new();
    private readonly LiveOptions _options;

    public LiveCounters(PetitionCounters counters, IOptions<LiveOptions> options)
    {
        _options = options.Value;
        counters.Changed += Publish;
    }

    public int Feeds
    {
        get
        {
            lock (_lock)
            {
                return _feeds.Count;
            }
        }
    }

    /// <summary>Starts watching a petition; returns its current count and displayed goal.</summary>
    public (int Count, int Goal) Subscribe(Guid petitionId, int count, int goal, LiveSubscriber subscriber)
    {
        lock (_lock)
        {
            if (!_feeds.TryGetValue(petitionId, out var feed))
            {
                feed = new PetitionFeed(count, goal, _options);
                _feeds.Add(petitionId, feed);
            }
            feed.SetGoal(goal);
            feed.Publish(count);
            feed.Add(subscriber);
            return (feed.Latest, feed.Goal);
        }
    }

    public void Unsubscribe(Guid petitionId, LiveSubscriber subscriber)
    {
        lock (_lock)
        {
            if (_feeds.TryGetValue(petitionId, out var feed))
            {
                feed.Remove(subscriber);
                if (feed.Subscribers == 0)
                {
                    feed.Stop();
                    _feeds.Remove(petitionId);
                }
            }
        }
    }

    private void Publish(Guid petitionId, int count)
    {
        PetitionFeed? feed;
        lock (_lock)
        {
            _feeds.TryGetValue(petitionId, out feed);
        }
        feed?.Publish(count);
    }
}
