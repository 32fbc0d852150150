using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Relais.Data;

namespace Relais.Outbox;

/// <summary>
/// Runs the outbox messages that are due. A batch is claimed with one conditional UPDATE, so two
/// workers (two nodes) never run the same message, and completed a few at a time: on SQLite every
/// write waits for the one write lock, which the signature writer holds most of the time under
/// load, so writing once per message let the outbox fall far behind. A failure is recorded and
/// retried later, and never stops the others.
/// </summary>
public sealed class OutboxProcessor(
    IDbContextFactory<RelaisDb> dbFactory,
    IServiceScopeFactory scopes,
    OutboxRetry retry,
    TimeProvider clock,
    ILogger<OutboxProcessor> logger)
{
    public const int BatchSize = 50;

    /// <summary>How long a claim holds; a worker that dies mid-batch frees it when this runs out.</summary>
    public static readonly TimeSpan Lease = TimeSpan.FromMinutes(5);

    /// <summary>At most this many messages are sent again if the process dies before recording them done.</summary>
    private const int CompleteEvery = 10;

    /// <summary>Runs up to <see cref="BatchSize"/> due messages; returns how many were claimed.</summary>
    public async Task<int> RunDueAsync(CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var now = clock.GetUtcNow();
        var claim = LeaseClaim.Until(now + Lease);
        var due = await Due(db.OutboxMessages, now).OrderBy(m => m.NextAttemptAt).Select(m => m.Id).Take(BatchSize).ToListAsync(ct);
        if (due.Count == 0 || await Due(db.OutboxMessages, now).Where(m => due.Contains(m.Id))
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.LockedUntil, claim), ct) == 0)
        {
            return 0;
        }
        // Read back by id: no index leads from the lease to its rows, and on SQLite without
        // statistics a filter on the lease alone reads the whole backlog of pending messages.
        var messages = await db.OutboxMessages.AsNoTracking()
            .Where(m => due.Contains(m.Id) && m.LockedUntil == claim && m.CompletedAt == null)
            .OrderBy(m => m.NextAttemptAt)
            .ToListAsync(ct);
        var done = new List<Guid>();
        var ran = 0;
        try
        {
            foreach (var message in messages)
            {
                // A batch of slow failures must not outlive its lease, or another worker could take
                // the rest while this one still runs them; they are given back instead.
                if (clock.GetUtcNow() > claim - Lease / 2)
                {
                    break;
                }
                if (await RunOneAsync(db, message, ct))
                {
                    done.Add(message.Id);
                }
                ran++;
                if (done.Count == CompleteEvery)
                {
                    await CompleteAsync(db, done, claim);
                }
            }
        }
        finally
        {
            // Also when shutting down: what ran is recorded, the rest given back at once instead of
            // waiting for the lease to run out.
            await CompleteAsync(db, done, claim);
            if (ran < messages.Count)
            {
                await db.OutboxMessages.Where(m => due.Contains(m.Id) && m.LockedUntil == claim && m.CompletedAt == null)
                    .ExecuteUpdateAsync(s => s.SetProperty(m => m.LockedUntil, (DateTimeOffset?)null), CancellationToken.None);
            }
        }
        return messages.Count;
    }

    private static IQueryable<OutboxMessage> Due(IQueryable<OutboxMessage> messages, DateTimeOffset now) =>
        messages.Where(m => m.CompletedAt == null && m.NextAttemptAt <= now && (m.LockedUntil == null || m.LockedUntil < now));

    /// <summary>Runs one claimed message; false if it failed (the failure is recorded and the claim released).</summary>
    private async Task<bool> RunOneAsync(RelaisDb db, OutboxMessage message, CancellationToken ct)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var handler = scope.ServiceProvider.GetServices<IOutboxHandler>().FirstOrDefault(h => h.Kind == message.Kind)
                ?? throw new InvalidOperationException($"No handler is registered for outbox messages of kind '{message.Kind}'.");
            await handler.HandleAsync(message, ct);
            return true;
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex)
        {
            await RecordFailureAsync(db, message, ex);
            return false;
        }
    }

    private async Task CompleteAsync(RelaisDb db, List<Guid> done, DateTimeOffset claim)
    {
        if (done.Count == 0)
        {
            return;
        }
        var finished = clock.GetUtcNow();
        await db.OutboxMessages.Where(m => done.Contains(m.Id) && m.LockedUntil == claim).ExecuteUpdateAsync(
            s => s.SetProperty(m => m.CompletedAt, finished)
                .SetProperty(m => m.LockedUntil, (DateTimeOffset?)null)
                .SetProperty(m => m.Attempts, m => m.Attempts + 1)
                .SetProperty(m => m.LastError, (string?)null),
            CancellationToken.None);
        done.Clear();
    }

    private async Task RecordFailureAsync(RelaisDb db, OutboxMessage message, Exception ex)
    {
        var attempts = message.Attempts + 1;
        var now = clock.GetUtcNow();
        var givesUp = retry.GivesUp(attempts);
        var next = now + retry.DelayAfter(attempts);
        var error = ex.GetType().Name + ": " + ex.Message;
        if (error.Length > 2_000)
        {
            error = error[..2_000];
        }
        if (givesUp)
        {
            logger.LogError(ex, "Outbox message {Id} ({Kind}) gave up after {Attempts} attempts", message.Id, message.Kind, attempts);
        }
        else
        {
            logger.LogWarning(ex, "Outbox message {Id} ({Kind}) failed (attempt {Attempts}); next try at {Next}", message.Id, message.Kind, attempts, next);
        }
        // A message given up is completed with its last error kept: it stays visible and is never retried.
        await db.OutboxMessages.Where(m => m.Id == message.Id).ExecuteUpdateAsync(
            s => s.SetProperty(m => m.Attempts, attempts)
                .SetProperty(m => m.LastError, error)
                .SetProperty(m => m.LockedUntil, (DateTimeOffset?)null)
                .SetProperty(m => m.NextAttemptAt, next)
                .SetProperty(m => m.CompletedAt, givesUp ? now : null),
            CancellationToken.None);
    }
}
