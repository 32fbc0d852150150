using System.Collections.Concurrent;
using System.Threading.Channels;
using Relais.Petitions;

namespace Relais.Web.Live;

/// <summary>
/// The one writer of a petition's stream: coalesces bursts of counts into at most a few events a
/// second (always ending on the latest), serializes each event once and hands the same bytes to
/// every subscriber.
/// </summary>
internal sealed class PetitionFeed
{
    private readonly ConcurrentDictionary<LiveSubscriber, byte> _subscribers = new();
    private readonly Channel<bool> _wake = Channel.CreateBounded<bool>(
        new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite, SingleReader = true });
    private readonly CancellationTokenSource _stop = new();
    private readonly LiveOptions _options;
    private int _latest;
    private int _goal;

    public PetitionFeed(int count, int goal, LiveOptions options)
    {
        _latest = count;
        _goal = goal;
        _options = options;
        Sent = count;
        _ = Task.Run(RunAsync);
    }

    /// <summary>The last count given to subscribers.</summary>
    public int Sent { get; private set; }

    public int Latest => Volatile.Read(ref _latest);

    public int Goal => Petition.DisplayedGoal(Latest, Volatile.Read(ref _goal));

    public int Subscribers => _subscribers.Count;

    public void Add(LiveSubscriber subscriber) => _subscribers.TryAdd(subscriber, 0);

    public void Remove(LiveSubscriber subscriber) => _subscribers.TryRemove(subscriber, out _);

    /// <summary>The campaign's goal, re-read with the page when someone subscribes.</summary>
    public void SetGoal(int goal) => Volatile.Write(ref _goal, goal);

    /// <summary>Called on the thread that changed the count: only records it and wakes the writer.</summary>
    public void Publish(int count)
    {
        var known = Volatile.Read(ref _latest);
        while (count > known)
        {
            var seen = Interlocked.CompareExchange(ref _latest, count, known);
            if (seen == known)
            {
                _wake.Writer.TryWrite(true);
                return;
            }
            known = seen;
        }
    }

    public void Stop() => _stop.Cancel();

    private async Task RunAsync()
    {
        var ct = _stop.Token;
        try
        {
            while (!ct.IsCancellationRequested)
            {
                var woken = await WaitAsync(ct);
                if (!woken)
                {
                    foreach (var (subscriber, _) in _subscribers)
                    {
                        subscriber.OfferHeartbeat();
                    }
                    continue;
                }
                _wake.Reader.TryRead(out _);
                var count = Latest;
                if (count == Sent)
                {
                    continue;
                }
                Sent = count;
                ReadOnlyMemory<byte> bytes = CountEvent.For(count, Goal);
                foreach (var (subscriber, _) in _subscribers)
                {
                    subscriber.Offer(bytes);
                }
                // Counts arriving meanwhile wait here and go out together as the latest one.
                await Task.Delay(_options.MinInterval, ct);
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
        }
    }

    /// <summary>True when a count arrived, false when the heartbeat interval passed without one.</summary>
    private async Task<bool> WaitAsync(CancellationToken ct)
    {
        if (_wake.Reader.TryPeek(out _))
        {
            return true;
        }
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(_options.Heartbeat);
        try
        {
            return await _wake.Reader.WaitToReadAsync(timeout.Token);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            return false;
        }
    }
}
