namespace Relais.Actions;

/// <summary>
/// What one action type declares for the <see cref="ActionIntake"/>: the rows it stores beside
/// the shared ones. It never finds a supporter, records a consent, inserts an activity, credits a
/// relay or queues a thank-you itself: it asks the batch to (<see cref="ActionBatch.Accept"/>).
/// </summary>
public interface IActionStore
{
    /// <summary>The request type this store writes.</summary>
    Type RequestType { get; }

    /// <summary>
    /// Reads what it must (inside the batch's transaction, supporters already found or made) and
    /// decides each of its requests: <see cref="ActionBatch.Accept"/> or <see cref="ActionBatch.Settle"/>.
    /// Returns the writes to make once the shared rows are in, and what to publish after the commit.
    /// </summary>
    Task<ActionWrites> DecideAsync(ActionBatch batch, IReadOnlyList<Submission> submissions, CancellationToken ct);
}

/// <summary>A request of the batch with the supporter it names (found, or made for it and not inserted yet).</summary>
public sealed record Submission(ActionRequest Request, int Index, Supporters.Supporter Supporter, bool IsNewSupporter);

/// <summary>
/// The store's own writes, run in the transaction after the supporters, activities and consents
/// are inserted, and what it publishes once the transaction committed (live counters).
/// </summary>
public sealed record ActionWrites(Func<CancellationToken, Task>? WriteAsync = null, Action? AfterCommit = null)
{
    public static ActionWrites None { get; } = new();
}
