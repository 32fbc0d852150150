using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Relais.Data;

namespace Relais.Actions;

/// <summary>
/// The one intake every public action goes through (a signature, a gift, a pledge, a fundraising
/// page…). One writer drains whatever has queued up and writes it in a single transaction
/// (group commit): it finds or makes each supporter by normalized email, lets each action type's
/// <see cref="IActionStore"/> decide its requests and add its own rows, writes the shared rows
/// (consent with the form's wording, email opt-in, activity, relay credit, thank-you in the
/// outbox, the ladder's due mark, campaign channel), commits, and only then answers each visitor
/// and publishes the new counts. SQLite allows one writer at a time; this keeps that writer busy
/// with large transactions instead of many small ones, and every action type shares it.
/// </summary>
public sealed class ActionIntake(
    IDbContextFactory<RelaisDb> dbFactory, IEnumerable<IActionStore> stores, TimeProvider clock, ILogger<ActionIntake> logger)
{
    public const int MaxBatch = 256;

    private readonly Dictionary<Type, IActionStore> _stores = stores.ToDictionary(s => s.RequestType);
    private GroupCommit<ActionRequest, ActionOutcome>? _writer;

    private GroupCommit<ActionRequest, ActionOutcome> Writer => LazyInitializer.EnsureInitialized(ref _writer,
        () => new(WriteAsync, request => request.ToString()!, logger, MaxBatch));

    /// <summary>Queues the request and answers once the transaction holding it has committed.</summary>
    public Task<ActionOutcome> SubmitAsync(ActionRequest request, CancellationToken ct)
    {
        if (!_stores.ContainsKey(request.GetType()))
        {
            throw new ArgumentException($"No action store writes {request.GetType().Name}.", nameof(request));
        }
        return Writer.SubmitAsync(request, ct);
    }

    /// <summary>The single writer; runs until <paramref name="stoppingToken"/> and then drains the queue.</summary>
    public Task RunAsync(CancellationToken stoppingToken) => Writer.RunAsync(stoppingToken);

    private async Task<ActionOutcome[]> WriteAsync(IReadOnlyList<ActionRequest> requests)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                return await WriteInOneTransactionAsync(requests, CancellationToken.None);
            }
            catch (DbUpdateException e) when (requests.Count == 1 && attempt == 0)
            {
                // Alone and refused by a unique index: another node made the same new supporter (or
                // the same row) a moment ago. Read again: the second attempt finds what it wrote.
                logger.LogInformation(e, "{Request} raced another writer; writing it again", requests[0]);
            }
        }
    }

    private async Task<ActionOutcome[]> WriteInOneTransactionAsync(IReadOnlyList<ActionRequest> requests, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var batch = new ActionBatch(db, clock.GetUtcNow(), requests.Count);
        var submissions = await batch.FindSupportersAsync(requests, ct);
        var writes = new List<ActionWrites>();
        foreach (var ofType in submissions.GroupBy(s => s.Request.GetType()))
        {
            writes.Add(await _stores[ofType.Key].DecideAsync(batch, ofType.ToList(), ct));
        }
        await batch.WriteSharedAsync(ct);
        foreach (var write in writes)
        {
            if (write.WriteAsync is { } own)
            {
                await own(ct);
            }
        }
        await batch.JoinCampaignChannelsAsync(ct);
        var outcomes = batch.Outcomes;
        await transaction.CommitAsync(ct);
        foreach (var write in writes)
        {
            write.AfterCommit?.Invoke();
        }
        return outcomes;
    }
}
