using System.Runtime.ExceptionServices;
using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using Relais.Data;

namespace Relais.Messaging;

/// <summary>
/// Records the hand-overs of one claimed batch for all the connections that send it: whatever
/// has arrived while the previous transaction ran goes into the next one (group commit), where
/// each person is re-checked (claim, do-not-send list, consent, weekly cap) and the message's
/// status is read. A connection writes its final dot only once its hand-over has been committed.
/// </summary>
internal sealed class HandOverCommitter(RelaisDb db, SendQueue queue, Message message, DateTimeOffset claim, int weeklyCap, TimeProvider clock)
{
    private const int MostPerTransaction = 512;

    private readonly Channel<Request> _requests = Channel.CreateUnbounded<Request>(new UnboundedChannelOptions { SingleReader = true });
    private volatile bool _stopped;

    private sealed record Request(
        ClaimedRecipient Row, Func<Task<SmtpReply?>>? Dot, TaskCompletionSource<Task<SmtpReply?>?>? HandedOver, SmtpVerdict? Verdict, string? Email, bool AfterDot)
    {
        public bool Accepted { get; init; }
    }

    /// <summary>The message is no longer being sent (paused or cancelled), or recording failed: take no more rows.</summary>
    public bool Stopped => _stopped;

    /// <summary>
    /// Once the hand-over is committed, <paramref name="dot"/> is started at once by the committer
    /// itself (a crash between the commit and the dot loses the copy, so that moment is kept short)
    /// and its task is the answer; null when the hand-over may not happen (the copy must be abandoned).
    /// </summary>
    public Task<Task<SmtpReply?>?> HandOverAsync(ClaimedRecipient row, Func<Task<SmtpReply?>> dot)
    {
        var committed = new TaskCompletionSource<Task<SmtpReply?>?>(TaskCreationOptions.RunContinuationsAsynchronously);
        if (!_requests.Writer.TryWrite(new Request(row, dot, committed, null, null, false)))
        {
            committed.SetResult(null);
        }
        return committed.Task;
    }

    /// <summary>A refusal by the server, recorded with the next transaction; <paramref name="handedOver"/>: after the dot.</summary>
    public void Refused(ClaimedRecipient row, SmtpVerdict verdict, string normalizedEmail, bool handedOver) =>
        _requests.Writer.TryWrite(new Request(row, null, null, verdict, normalizedEmail, handedOver));

    /// <summary>The server confirmed the copy after its dot; recorded with the next transaction.</summary>
    public void Accepted(ClaimedRecipient row) => _requests.Writer.TryWrite(new Request(row, null, null, null, null, false) { Accepted = true });

    /// <summary>No more requests: the lanes are done.</summary>
    public void Close() => _requests.Writer.TryComplete();

    public async Task RunAsync(CancellationToken ct)
    {
        var reader = _requests.Reader;
        var group = new List<Request>(MostPerTransaction);
        Exception? failure = null;
        while (await reader.WaitToReadAsync(CancellationToken.None))
        {
            group.Clear();
            while (group.Count < MostPerTransaction && reader.TryRead(out var request))
            {
                group.Add(request);
            }
            if (failure is not null)
            {
                Answer(group, []);
                continue;
            }
            try
            {
                Answer(group, await CommitAsync(group, ct));
            }
            catch (Exception ex)
            {
                // Nothing of this group is recorded: its copies are abandoned, its claims expire and go again.
                failure = ex;
                _stopped = true;
                Answer(group, []);
            }
        }
        if (failure is not null)
        {
            ExceptionDispatchInfo.Throw(failure);
        }
    }

    private static void Answer(List<Request> group, HashSet<long> handedOver)
    {
        foreach (var request in group)
        {
            request.HandedOver?.TrySetResult(handedOver.Contains(request.Row.Id) ? request.Dot!() : null);
        }
    }

    private async Task<HashSet<long>> CommitAsync(List<Request> group, CancellationToken ct)
    {
        var asked = group.Where(r => r.HandedOver is not null).Select(r => r.Row).ToList();
        var handedOver = new HashSet<long>();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        // A write first: SQLite then holds the write lock for the whole re-check, and PostgreSQL
        // orders the transactions of one message on its row.
        await db.Messages.Where(m => m.Id == message.Id).ExecuteUpdateAsync(s => s.SetProperty(m => m.UpdatedAt, clock.GetUtcNow()), ct);
        var status = await db.Messages.AsNoTracking().Where(m => m.Id == message.Id).Select(m => m.Status).SingleAsync(ct);
        if (status != MessageStatus.Sending)
        {
            _stopped = true;
        }
        else if (asked.Count > 0)
        {
            var mine = await queue.StillMineAsync(message.Id, claim, [.. asked.Select(r => r.Id)], ct);
            var held = asked.Where(r => mine.Contains(r.Id)).ToList();
            var refusals = await queue.RefusalsAsync(message.OrganizationId, message.Id, message.OverrideFrequencyCap, weeklyCap, [.. held.Select(r => r.SupporterId)], ct);
            await queue.SkipAsync(message.Id, claim, [.. held.Where(r => refusals.ContainsKey(r.SupporterId)).Select(r => (r.Id, refusals[r.SupporterId]))], ct);
            handedOver.UnionWith(held.Where(r => !refusals.ContainsKey(r.SupporterId)).Select(r => r.Id));
            await queue.MarkSentAsync(message.Id, claim, handedOver, ct);
        }
        await queue.MarkAcceptedAsync(message.Id, [.. group.Where(r => r.Accepted).Select(r => r.Row.Id)], ct);
        foreach (var refusal in group.Where(r => r.Verdict is not null))
        {
            await queue.RefusedAsync(message.OrganizationId, message.Id, refusal.Row, refusal.AfterDot ? null : claim, refusal.Verdict!.Value, refusal.Email, ct);
        }
        await transaction.CommitAsync(ct);
        return handedOver;
    }
}
