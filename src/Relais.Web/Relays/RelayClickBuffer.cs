using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Relais.Data;
using Relais.Relays;

namespace Relais.Web.Relays;

/// <summary>
/// Clicks wait here in memory and are written in batches by <see cref="RelayClickWriter"/>, so a
/// click never waits for the database. Full (the database far behind), a click is dropped rather
/// than slowing the redirect; a crash loses the clicks of the last moment, which are statistics.
/// </summary>
public sealed class RelayClickBuffer(IOptions<RelaysOptions> options, ILogger<RelayClickBuffer> logger)
{
    private readonly Channel<RelayClick> _clicks = Channel.CreateBounded<RelayClick>(
        new BoundedChannelOptions(options.Value.BufferSize) { SingleReader = true, FullMode = BoundedChannelFullMode.DropWrite });

    private long _dropped;

    public void Add(RelayClick click)
    {
        if (!_clicks.Writer.TryWrite(click) && Interlocked.Increment(ref _dropped) % 10_000 == 1)
        {
            logger.LogWarning("Relay click buffer full: {Dropped} clicks dropped so far", Interlocked.Read(ref _dropped));
        }
    }

    internal ChannelReader<RelayClick> Reader => _clicks.Reader;
}

/// <summary>Writes buffered clicks, up to <see cref="MaxBatch"/> per transaction; drains what is left at shutdown.</summary>
internal sealed class RelayClickWriter(
    RelayClickBuffer buffer, IDbContextFactory<RelaisDb> dbFactory, ILogger<RelayClickWriter> logger) : BackgroundService
{
    public const int MaxBatch = 2_000;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var reader = buffer.Reader;
        var batch = new List<RelayClick>(MaxBatch);
        try
        {
            while (await reader.WaitToReadAsync(stoppingToken))
            {
                while (batch.Count < MaxBatch && reader.TryRead(out var click))
                {
                    batch.Add(click);
                }
                // Never interrupted: a batch takes milliseconds, and the stop below writes what is left.
                await WriteAsync(batch, CancellationToken.None);
                batch.Clear();
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            var started = TimeProvider.System.GetTimestamp();
            var drained = 0;
            // What was queued before the stop, in batches of the usual size (a statement has a parameter limit).
            while (reader.TryRead(out var first))
            {
                batch.Add(first);
                while (batch.Count < MaxBatch && reader.TryRead(out var click))
                {
                    batch.Add(click);
                }
                drained += batch.Count;
                await WriteAsync(batch, CancellationToken.None);
                batch.Clear();
            }
            logger.LogInformation("Relay click writer stopped: {Count} queued clicks written in {Elapsed} ms",
                drained, TimeProvider.System.GetElapsedTime(started).TotalMilliseconds);
        }
    }

    private async Task WriteAsync(List<RelayClick> batch, CancellationToken ct)
    {
        if (batch.Count == 0)
        {
            return;
        }
        try
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            await db.InsertAsync(batch, ct);
            await transaction.CommitAsync(ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // A relay erased (or a campaign deleted) meanwhile fails its row's foreign key: keep the others.
            logger.LogWarning(ex, "Could not store {Count} relay clicks; retrying one by one", batch.Count);
            foreach (var click in batch)
            {
                await WriteOneAsync(click, ct);
            }
        }
    }

    private async Task WriteOneAsync(RelayClick click, CancellationToken ct)
    {
        try
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            await db.InsertAsync([click], ct);
            await transaction.CommitAsync(ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogInformation(ex, "Dropped a relay click of {RelayId}", click.RelayId);
        }
    }
}
