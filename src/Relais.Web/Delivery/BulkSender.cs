using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Relais.Data;
using Relais.Messaging;
using Relais.Web.Messaging;

namespace Relais.Web.Delivery;

/// <summary>
/// Sends the messages being sent, on every node at once. For each group (one message per SMTP
/// connection) it begins the transactions, records the hand-over in one database transaction
/// after re-checking each person, and only then writes the final dots: a crash before the commit
/// leaves unfinished DATA the server discards and claims that expire and are sent again; a crash
/// after it leaves rows marked sent. Nobody receives a message twice.
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
            if (await SendBatchAsync(messageId, ct) > 0)
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

    private sealed record Item(ClaimedRecipient Row, Recipient Recipient, OutgoingEmail Email);

    private async Task<int> SendBatchAsync(Guid messageId, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<RelaisDb>();
        var queue = services.GetRequiredService<SendQueue>();
        var prepared = await services.GetRequiredService<BulkEmails>().PrepareAsync(messageId, ct);
        if (prepared is null)
        {
            return 0;
        }
        var message = prepared.Message;
        var expected = _options.MessagesPerSecond > 0 ? TimeSpan.FromSeconds(_options.BatchSize / _options.MessagesPerSecond * 2) : TimeSpan.Zero;
        var lease = TimeSpan.FromSeconds(_options.LeaseSeconds) > expected ? TimeSpan.FromSeconds(_options.LeaseSeconds) : expected;
        var (claim, rows) = await queue.ClaimAsync(messageId, _options.BatchSize, lease, ct);
        if (rows.Count == 0)
        {
            return 0;
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
            .Select(r => new Item(r, recipients[r.SupporterId], prepared.Render(r.Id, recipients[r.SupporterId])))
            .ToList();

        for (var start = 0; start < items.Count; start += _connections.Length)
        {
            var status = await db.Messages.AsNoTracking().Where(m => m.Id == messageId).Select(m => m.Status).SingleAsync(ct);
            if (status != MessageStatus.Sending)
            {
                // Paused or cancelled: what this sender still holds goes back (a cancel has marked it already).
                await queue.ReleaseAsync(messageId, claim, [.. items.Skip(start).Select(i => i.Row.Id)], ct);
                break;
            }
            await SendGroupAsync(db, queue, message, claim, items.GetRange(start, Math.Min(_connections.Length, items.Count - start)), cap, ct);
        }
        return rows.Count;
    }

    private async Task SendGroupAsync(RelaisDb db, SendQueue queue, Message message, DateTimeOffset claim, List<Item> group, int cap, CancellationToken ct)
    {
        var replies = await Task.WhenAll(group.Select((item, slot) => BeginAsync(slot, item.Email, ct)));
        var begun = group.Where((_, slot) => replies[slot].IsPositive).ToList();
        var handedOver = new HashSet<long>();

        await using (var transaction = await db.Database.BeginTransactionAsync(ct))
        {
            // A write first: SQLite then holds the write lock for the whole re-check, and PostgreSQL
            // orders the groups of one message on its row.
            await db.Messages.Where(m => m.Id == message.Id).ExecuteUpdateAsync(s => s.SetProperty(m => m.UpdatedAt, clock.GetUtcNow()), ct);
            var mine = await queue.StillMineAsync(message.Id, claim, [.. begun.Select(i => i.Row.Id)], ct);
            var refusals = await queue.RefusalsAsync(
                message.OrganizationId, message.Id, message.OverrideFrequencyCap, cap, [.. begun.Where(i => mine.Contains(i.Row.Id)).Select(i => i.Row.SupporterId)], ct);
            var skipped = begun.Where(i => mine.Contains(i.Row.Id) && refusals.ContainsKey(i.Row.SupporterId))
                .Select(i => (i.Row.Id, refusals[i.Row.SupporterId])).ToList();
            await queue.SkipAsync(message.Id, claim, skipped, ct);
            handedOver.UnionWith(begun.Where(i => mine.Contains(i.Row.Id) && !refusals.ContainsKey(i.Row.SupporterId)).Select(i => i.Row.Id));
            await queue.MarkSentAsync(message.Id, claim, handedOver, ct);
            for (var slot = 0; slot < group.Count; slot++)
            {
                if (!replies[slot].IsPositive)
                {
                    await queue.RefusedAsync(message.OrganizationId, message.Id, group[slot].Row, claim, Verdict(replies[slot]), Normalized(group[slot]), ct);
                }
            }
            await transaction.CommitAsync(ct);
        }

        // Only now the final dots; the copies that may no longer go are abandoned with their connection.
        var verdicts = await Task.WhenAll(group.Select((item, slot) => replies[slot].IsPositive
            ? handedOver.Contains(item.Row.Id) ? CompleteAsync(slot) : AbandonAsync(slot)
            : Task.FromResult<SmtpReply?>(null)));
        var refused = group.Select((item, slot) => (item, verdict: verdicts[slot])).Where(v => v.verdict is { IsPositive: false }).ToList();
        if (refused.Count > 0)
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            foreach (var (item, verdict) in refused)
            {
                await queue.RefusedAsync(message.OrganizationId, message.Id, item.Row, null, Verdict(verdict!.Value), Normalized(item), ct);
            }
            await transaction.CommitAsync(ct);
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
