using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Relais.Data;

namespace Relais.Outbox;

/// <summary>
/// Runs the outbox messages that are due. Each message is claimed with a conditional UPDATE, so two
/// workers (two nodes) never run the same one; a failure is recorded and retried later, and never
/// stops the others.
/// </summary>
public sealed class OutboxProcessor(
    IDbContextFactory<RelaisDb> dbFactory,
    IServiceScopeFactory scopes,
    OutboxRetry retry,
    TimeProvider clock,
    ILogger<OutboxProcessor> logger)
{
    public const int BatchSize = 50;

    /// <summary>How long a claim holds; a worker that dies mid-message frees it when this runs out.</summary>
    public static readonly TimeSpan Lease = TimeSpan.FromMinutes(5);

    /// <summary>Runs up to <see cref="BatchSize"/> due messages; returns how many were claimed.</summary>
    public async Task<int> RunDueAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        List<Guid> due;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            due = await Due(db.OutboxMessages, now)
                .OrderBy(m => m.NextAttemptAt)
                .Select(m => m.Id)
                .Take(BatchSize)
                .ToListAsync(ct);
        }
        var claimed = 0;
        foreach (var id in due)
        {
            if (await RunOneAsync(id, ct))
            {
                claimed++;
            }
        }
        return claimed;
    }

    private static IQueryable<OutboxMessage> Due(IQueryable<OutboxMessage> messages, DateTimeOffset now) =>
        messages.Where(m => m.CompletedAt == null && m.NextAttemptAt <= now && (m.LockedUntil == null || m.LockedUntil < now));

    private async Task<bool> RunOneAsync(Guid id, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var now = clock.GetUtcNow();
        var lockedUntil = now + Lease;
        var claimed = await Due(db.OutboxMessages, now).Where(m => m.Id == id)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.LockedUntil, lockedUntil), ct);
        if (claimed == 0)
        {
            return false;
        }
        var message = await db.OutboxMessages.AsNoTracking().SingleAsync(m => m.Id == id, ct);
        try
        {
            await using (var scope = scopes.CreateAsyncScope())
            {
                var handler = scope.ServiceProvider.GetServices<IOutboxHandler>().FirstOrDefault(h => h.Kind == message.Kind)
                    ?? throw new InvalidOperationException($"No handler is registered for outbox messages of kind '{message.Kind}'.");
                await handler.HandleAsync(message, ct);
            }
            var done = clock.GetUtcNow();
            await db.OutboxMessages.Where(m => m.Id == id).ExecuteUpdateAsync(
                s => s.SetProperty(m => m.CompletedAt, done)
                    .SetProperty(m => m.LockedUntil, (DateTimeOffset?)null)
                    .SetProperty(m => m.Attempts, m => m.Attempts + 1)
                    .SetProperty(m => m.LastError, (string?)null),
                CancellationToken.None);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // Shutting down: give the message back at once instead of waiting for the lease to run out.
            await db.OutboxMessages.Where(m => m.Id == id)
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.LockedUntil, (DateTimeOffset?)null), CancellationToken.None);
            throw;
        }
        catch (Exception ex)
        {
            await RecordFailureAsync(db, message, ex);
        }
        return true;
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
