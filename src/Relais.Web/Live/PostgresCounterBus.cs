using System.Globalization;
using System.Threading.Channels;
using Microsoft.Extensions.Options;
using Npgsql;
using Relais.Data;
using Relais.Petitions;

namespace Relais.Web.Live;

/// <summary>
/// Counts across nodes through PostgreSQL's LISTEN/NOTIFY. A notification carries the count stored
/// by the commit, not an increment, so a late or repeated one can never count a signature twice;
/// a lost one (a node restarting) is caught up by the periodic counter refresh.
/// </summary>
internal sealed class PostgresCounterBus(
    IOptions<DatabaseOptions> database, PetitionCounters counters, ILogger<PostgresCounterBus> logger) : ICounterBus
{
    public const string ChannelName = "relais_counts";
    private static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(2);

    private readonly string _node = Guid.NewGuid().ToString("N");
    private readonly Channel<(Guid PetitionId, int Count)> _outgoing = Channel.CreateBounded<(Guid, int)>(
        new BoundedChannelOptions(10_000) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true });

    public void Publish(Guid petitionId, int storedCount) => _outgoing.Writer.TryWrite((petitionId, storedCount));

    public Task RunAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(KeepAsync(ListenAsync, stoppingToken), KeepAsync(NotifyAsync, stoppingToken));

    private async Task KeepAsync(Func<CancellationToken, Task> loop, CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            try
            {
                await loop(ct);
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                logger.LogWarning(ex, "Live counters lost their PostgreSQL connection; reconnecting in {Delay}", RetryAfter);
                await Task.Delay(RetryAfter, ct).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
    }

    private async Task ListenAsync(CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(database.Value.ResolveConnectionString());
        await connection.OpenAsync(ct);
        connection.Notification += (_, e) => Receive(e.Payload);
        await using (var listen = new NpgsqlCommand($"LISTEN {ChannelName}", connection))
        {
            await listen.ExecuteNonQueryAsync(ct);
        }
        while (true)
        {
            await connection.WaitAsync(ct);
        }
    }

    private async Task NotifyAsync(CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(database.Value.ResolveConnectionString());
        await connection.OpenAsync(ct);
        var latest = new Dictionary<Guid, int>();
        while (await _outgoing.Reader.WaitToReadAsync(ct))
        {
            // Only the latest count of each petition in a burst is worth sending.
            while (_outgoing.Reader.TryRead(out var next))
            {
                latest[next.PetitionId] = Math.Max(next.Count, latest.GetValueOrDefault(next.PetitionId));
            }
            await using var batch = new NpgsqlBatch(connection);
            foreach (var (petitionId, count) in latest)
            {
                var command = new NpgsqlBatchCommand("SELECT pg_notify(@channel, @payload)");
                command.Parameters.AddWithValue("channel", ChannelName);
                command.Parameters.AddWithValue("payload", string.Create(CultureInfo.InvariantCulture, $"{_node}:{petitionId:N}:{count}"));
                batch.BatchCommands.Add(command);
            }
            latest.Clear();
            await batch.ExecuteNonQueryAsync(ct);
        }
    }

    private void Receive(string payload)
    {
        var parts = payload.Split(':');
        if (parts.Length != 3 || parts[0] == _node
            || !Guid.TryParseExact(parts[1], "N", out var petitionId)
            || !int.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var count))
        {
            return;
        }
        // Petitions nobody looked at on this node stay unknown here, as before.
        if (counters.Get(petitionId) is not null)
        {
            counters.Refresh(petitionId, count);
        }
    }
}
