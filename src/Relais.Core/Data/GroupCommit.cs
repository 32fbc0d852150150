using System.Threading.Channels;
using Microsoft.Extensions.Logging;

namespace Relais.Data;

/// <summary>
/// One writer for many requests: each request queues its item and waits; the writer takes what
/// has queued (up to <see cref="MaxBatch"/>), writes it in one transaction and answers each
/// request after the commit. Writes on SQLite take turns anyway, so this replaces the waiting in
/// SQLite's busy handler by a queue, and one commit (one fsync) serves a whole batch. A batch that
/// fails (a unique violation racing another node, a bad item) is written again one item at a
/// time, so that one item never fails its neighbours.
/// </summary>
public sealed class GroupCommit<TItem, TResult>(
    Func<IReadOnlyList<TItem>, Task<TResult[]>> write, Func<TItem, string> describe, ILogger logger, int maxBatch = 256)
{
    private readonly Channel<Pending> _queue = Channel.CreateBounded<Pending>(
        new BoundedChannelOptions(10_000) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });

    public async Task<TResult> SubmitAsync(TItem item, CancellationToken ct)
    {
        var pending = new Pending(item);
        await _queue.Writer.WriteAsync(pending, ct);
        // Once queued, the item is written even if its request goes away.
        return await pending.Result.Task.WaitAsync(ct);
    }

    /// <summary>The single writer; runs until <paramref name="stoppingToken"/> and then drains the queue.</summary>
    public async Task RunAsync(CancellationToken stoppingToken)
    {
        var batch = new List<Pending>(maxBatch);
        var reader = _queue.Reader;
        try
        {
            while (await reader.WaitToReadAsync(stoppingToken))
            {
                while (batch.Count < maxBatch && reader.TryRead(out var next))
                {
                    batch.Add(next);
                }
                await WriteAsync(batch);
                batch.Clear();
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            _queue.Writer.TryComplete();
            while (reader.TryRead(out var next))
            {
                batch.Add(next);
            }
            if (batch.Count > 0)
            {
                await WriteAsync(batch);
            }
        }
    }

    private async Task WriteAsync(List<Pending> batch)
    {
        try
        {
            var results = await write(batch.Select(p => p.Item).ToList());
            for (var i = 0; i < batch.Count; i++)
            {
                batch[i].Result.TrySetResult(results[i]);
            }
        }
        catch (Exception ex) when (batch.Count > 1)
        {
            logger.LogWarning(ex, "Group commit of {Count} items failed; writing them one by one", batch.Count);
            foreach (var single in batch)
            {
                await WriteAsync([single]);
            }
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "Could not write {Item}", describe(batch[0].Item));
            batch[0].Result.TrySetException(ex);
        }
    }

    private sealed class Pending(TItem item)
    {
        public TItem Item { get; } = item;

        public TaskCompletionSource<TResult> Result { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
