using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Relais.Data;
using Relais.Messaging;
using Relais.Web.Emails;

namespace Relais.Web.Jobs;

/// <summary>
/// Sends the messages being sent, on every node at once. Each SMTP connection begins a
/// transaction, has the hand-over recorded (with the person re-checked) in a database transaction
/// shared with whatever other connections are waiting, and only then writes the final dot: a crash
/// before the commit leaves unfinished DATA the server discards and claims that expire and are
/// sent again; a crash after it leaves rows marked sent. Nobody receives a message twice.
/// </summary>
internal sealed class BulkSender(
    IServiceScopeFactory scopes,
    IBulkMailTransport transport,
    IOptions<DeliveryOptions> options,
    TimeProvider clock,
    IHostApplicationLifetime lifetime,
    ILogger<BulkSender> logger) : BackgroundService
{
    private readonly DeliveryOptions _options = options.Value;
    private IBulkMailConnection?[] _connections = [];
    private Pacer _pacer = null!;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Migrations run while the host starts; the tables exist once it has started.
        var started = new TaskCompletionSource();
        using (lifetime.ApplicationStarted.Register(() => started.TrySetResult()))
        {
            await started.Task.WaitAsync(stoppingToken);
        }
        _connections = new IBulkMailConnection?[Math.Max(1, _options.MaxConnections)];
        _pacer = new Pacer(_options.MessagesPerSecond, clock);
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                var worked = false;
                try
                {
                    worked = await RunOnceAsync(stoppingToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
                {
                    logger.LogError(ex, "The bulk sender failed; trying again shortly");
                    await DropConnectionsAsync();
                }
                if (!worked)
                {
                    await Task.Delay(TimeSpan.FromMilliseconds(_options.PollMilliseconds), clock, stoppingToken);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        finally
        {
            await DropConnectionsAsync();
        }
    }

    private async Task<bool> RunOnceAsync(CancellationToken ct)
    {
        List<Guid> sending;
        await using (var scope = scopes.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<MessageSends>().StartDueAsync(ct);
            sending = await scope.ServiceProvider.GetRequiredService<RelaisDb>().Messages.AsNoTracking()
                .Where(m => m.Status == MessageStatus.Sending).OrderBy(m => m.StartedAt).Select(m => m.Id).ToListAsync(ct);
        }
        var worked = false;
        foreach (var messageId in sending)
        {
            if (await SendMessageAsync(messageId, ct) > 0)
            {
                worked = true;
            }
            else
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<SendQueue>().FinishIfDoneAsync(messageId, ct);
            }
        }
        return worked;
    }

    /// <summary>How long one message sends before the others (and scheduled sends) are looked at again.</summary>
    private static readonly TimeSpan Turn = TimeSpan.FromSeconds(20);

    private sealed record Item(ClaimedRecipient Row, Recipient Recipient);

    /// <summary>
    /// A claimed batch, its refusals marked and its merge values loaded, with the scope that holds its
    /// database context. Each email is rendered by its lane just before it goes, so a batch waiting its
    /// turn holds values, not rendered emails.
    /// </summary>
    private sealed class Batch(AsyncServiceScope scope, PreparedMessage prepared, DateTimeOffset claim, int weeklyCap, int claimed, List<Item> items) : IAsyncDisposable
    {
        public RelaisDb Db => scope.ServiceProvider.GetRequiredService<RelaisDb>();
        public SendQueue Queue => scope.ServiceProvider.GetRequiredService<SendQueue>();
        public PreparedMessage Prepared => prepared;
        public Message Message => prepared.Message;
        public DateTimeOffset Claim => claim;
        public int WeeklyCap => weeklyCap;
        public int Claimed => claimed;
        public List<Item> Items => items;

        public ValueTask DisposeAsync() => scope.DisposeAsync();
    }

    /// <summary>
    /// Sends the message batch after batch until nothing is due, it stops, or its turn is over (other
    /// messages and scheduled sends get theirs); the next batch is claimed and rendered while the
    /// current one goes out, so the connections never wait for the database. Returns how many rows were claimed.
    /// </summary>
    private async Task<int> SendMessageAsync(Guid messageId, CancellationToken ct)
    {
        var total = 0;
        var turn = clock.GetTimestamp();
        var next = PrepareBatchAsync(messageId, ct);
        while (await next is { } batch)
        {
            await using (batch)
            {
                total += batch.Claimed;
                var last = clock.GetElapsedTime(turn) >= Turn;
                next = last ? Task.FromResult<Batch?>(null) : PrepareBatchAsync(messageId, ct);
                bool stopped;
                try
                {
                    stopped = await SendBatchAsync(batch, ct);
                }
                catch
                {
                    await ReleaseAsync(next);
                    throw;
                }
                if (stopped)
                {
                    await ReleaseAsync(next);
                    break;
                }
            }
        }
        return total;
    }

    /// <summary>Gives back a batch claimed in advance that will not be sent now.</summary>
    private async Task ReleaseAsync(Task<Batch?> prepared)
    {
        try
        {
            if (await prepared is { } batch)
            {
                await using (batch)
                {
                    await batch.Queue.ReleaseAsync(batch.Message.Id, batch.Claim, [.. batch.Items.Select(i => i.Row.Id)], CancellationToken.None);
                }
            }
        }
        catch (Exception ex)
        {
            // Its claims expire with their lease instead.
            logger.LogWarning(ex, "Giving back a batch claimed in advance failed");
        }
    }

    private async Task<Batch?> PrepareBatchAsync(Guid messageId, CancellationToken ct)
    {
        var scope = scopes.CreateAsyncScope();
        try
        {
            var services = scope.ServiceProvider;
            var db = services.GetRequiredService<RelaisDb>();
            var queue = services.GetRequiredService<SendQueue>();
            var prepared = await services.GetRequiredService<BulkEmails>().PrepareAsync(messageId, ct);
            if (prepared is null)
            {
                await scope.DisposeAsync();
                return null;
            }
            var message = prepared.Message;
            var expected = _options.MessagesPerSecond > 0 ? TimeSpan.FromSeconds(_options.BatchSize / _options.MessagesPerSecond * 2) : TimeSpan.Zero;
            var lease = TimeSpan.FromSeconds(_options.LeaseSeconds) > expected ? TimeSpan.FromSeconds(_options.LeaseSeconds) : expected;
            var (claim, rows) = await queue.ClaimAsync(messageId, _options.BatchSize, lease, ct);
            if (rows.Count == 0)
            {
                await scope.DisposeAsync();
                return null;
            }

            // Most refusals are known before any connection opens: mark them at once.
            var cap = prepared.Settings?.WeeklyCap ?? new EmailSettings().WeeklyCap;
            var refusals = await queue.RefusalsAsync(message.OrganizationId, messageId, message.OverrideFrequencyCap, cap, [.. rows.Select(r => r.SupporterId)], ct);
            var recipients = (await services.GetRequiredService<RecipientValues>()
                .LoadAsync(message.OrganizationId, message.CampaignId, messageId, [.. rows.Select(r => r.SupporterId)], ct))
                .ToDictionary(r => r.SupporterId);
            var skipped = rows.Where(r => refusals.ContainsKey(r.SupporterId) || !recipients.ContainsKey(r.SupporterId))
                .Select(r => (r.Id, refusals.GetValueOrDefault(r.SupporterId, DeliveryRules.NotMailable))).ToList();
            if (skipped.Count > 0)
            {
                await using var transaction = await db.Database.BeginTransactionAsync(ct);
                await queue.SkipAsync(messageId, claim, skipped, ct);
                await transaction.CommitAsync(ct);
            }
            var items = rows.Where(r => !refusals.ContainsKey(r.SupporterId) && recipients.ContainsKey(r.SupporterId))
                .Select(r => new Item(r, recipients[r.SupporterId]))
                .ToList();
            return new Batch(scope, prepared, claim, cap, rows.Count, items);
        }
        catch
        {
            await scope.DisposeAsync();
            throw;
        }
    }

    /// <summary>Sends one prepared batch; true when the message stopped being sent (paused or cancelled) meanwhile.</summary>
    private async Task<bool> SendBatchAsync(Batch batch, CancellationToken ct)
    {
        var (db, queue, message, claim, items) = (batch.Db, batch.Queue, batch.Message, batch.Claim, batch.Items);
        // One lane per connection, each going at its own pace; the hand-overs they ask for are
        // recorded together, as many as are waiting, in one transaction at a time.
        var work = new Queue<Item>(items);
        var handOvers = new HandOverCommitter(db, queue, message, claim, batch.WeeklyCap, clock);
        var committing = handOvers.RunAsync(ct);
        try
        {
            await Task.WhenAll(Enumerable.Range(0, _connections.Length).Select(slot => LaneAsync(slot, batch.Prepared, work, handOvers, ct)));
        }
        finally
        {
            handOvers.Close();
            await committing;
        }
        if (handOvers.Stopped)
        {
            // Paused or cancelled: what this sender still holds goes back (a cancel has marked it already).
            await queue.ReleaseAsync(message.Id, claim, [.. items.Select(i => i.Row.Id)], ct);
        }
        return handOvers.Stopped;
    }

    private async Task LaneAsync(int slot, PreparedMessage prepared, Queue<Item> work, HandOverCommitter handOvers, CancellationToken ct)
    {
        while (!handOvers.Stopped)
        {
            Item? item;
            lock (work)
            {
                if (!work.TryDequeue(out item))
                {
                    return;
                }
            }
            var reply = await BeginAsync(slot, prepared.Render(item.Row.Id, item.Recipient), ct);
            if (!reply.IsPositive)
            {
                handOvers.Refused(item.Row, Verdict(reply), Normalized(item), handedOver: false);
                continue;
            }
            if (await handOvers.HandOverAsync(item.Row, () => CompleteAsync(slot)) is not { } dot)
            {
                // Not recorded (no longer this sender's, refused at the last moment, or the send stopped):
                // the unfinished copy goes with its connection.
                await AbandonAsync(slot);
                continue;
            }
            switch (await dot)
            {
                case { IsPositive: true }:
                    handOvers.Accepted(item.Row);
                    break;
                case { } verdict:
                    handOvers.Refused(item.Row, Verdict(verdict), Normalized(item), handedOver: true);
                    break;
            }
        }
    }

    private static string Normalized(Item item) => Relais.Supporters.EmailAddress.Normalize(item.Recipient.Email);

    private static SmtpVerdict Verdict(SmtpReply reply) => new(reply.Code, reply.Text, reply.IsPermanent);

    private async Task<SmtpReply> BeginAsync(int slot, OutgoingEmail email, CancellationToken ct)
    {
        await _pacer.WaitAsync(ct);
        try
        {
            if (_connections[slot] is { IsUsable: false } broken)
            {
                _connections[slot] = null;
                await broken.DisposeAsync();
            }
            _connections[slot] ??= await transport.ConnectAsync(ct);
            return await _connections[slot]!.BeginAsync(email, ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogWarning(ex, "SMTP hand-over could not begin");
            await AbandonAsync(slot);
            return new SmtpReply(451, "Connection failed: " + ex.Message);
        }
    }

    /// <summary>Not cancelled by a shutdown: the hand-over is recorded, the dot must follow.</summary>
    private async Task<SmtpReply?> CompleteAsync(int slot)
    {
        try
        {
            return await _connections[slot]!.CompleteAsync(CancellationToken.None);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The dot may have arrived: the row stays sent rather than risk a second copy.
            logger.LogWarning(ex, "SMTP verdict lost after the hand-over was recorded");
            await AbandonAsync(slot);
            return null;
        }
    }

    private async Task<SmtpReply?> AbandonAsync(int slot)
    {
        if (_connections[slot] is { } connection)
        {
            _connections[slot] = null;
            try
            {
                await connection.DisposeAsync();
            }
            catch (Exception ex)
            {
                logger.LogDebug(ex, "Closing an abandoned SMTP connection failed");
            }
        }
        return null;
    }

    private async Task DropConnectionsAsync()
    {
        for (var slot = 0; slot < _connections.Length; slot++)
        {
            await AbandonAsync(slot);
        }
    }
}
