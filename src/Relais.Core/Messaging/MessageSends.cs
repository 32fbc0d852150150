using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Relais.Consents;
using Relais.Data;
using Relais.Organizations;
using Relais.Segments;

namespace Relais.Messaging;

/// <summary>The words of a send's refusals and states (resource keys).</summary>
public static class SendMessages
{
    public const string NoSegment = "Choose a segment before sending.";
    public const string SegmentInvalid = "This segment's conditions are no longer valid: open it to correct them.";
    public const string NoVersion = "Write the message before sending it.";
    public const string UnknownFields = "The {0} version has errors: {1}";
    public const string NotDraft = "This message is already being sent or was sent.";
    public const string NotSending = "This message is not being sent.";
    public const string NotPaused = "This message is not paused.";
    public const string CannotCancel = "This message can no longer be cancelled.";
    public const string PastSchedule = "Choose a time in the future.";

    public const string BadSchedule = "Enter the date and time as 2026-05-01T18:30.";

    // The states as the progress page names them.
    public const string Draft = "Draft";
    public const string Scheduled = "Scheduled";
    public const string Sending = "Sending";
    public const string Paused = "Paused";
    public const string Cancelled = "Cancelled";
    public const string Sent = "Sent";
}

/// <summary>Why a send could not start or change; the words are resource keys.</summary>
public sealed record SendRefusal(string Key, params object[] Arguments);

/// <summary>
/// Starting, scheduling, pausing, resuming and cancelling a send. Every change is one conditional
/// UPDATE on the message's status, so two clicks or two nodes never start a message twice.
/// </summary>
public sealed class MessageSends(RelaisDb db, TimeProvider clock)
{
    /// <summary>Checks the message and starts it now, or schedules it for <paramref name="scheduledAt"/>; null when done.</summary>
    public async Task<SendRefusal?> StartAsync(Guid organizationId, Guid messageId, DateTimeOffset? scheduledAt, CancellationToken ct)
    {
        var message = await db.Messages.AsNoTracking().InOrganization(organizationId).SingleAsync(m => m.Id == messageId, ct);
        if (message.Status != MessageStatus.Draft)
        {
            return new SendRefusal(SendMessages.NotDraft);
        }
        if (await CheckAsync(message, ct) is { } refusal)
        {
            return refusal;
        }
        var now = clock.GetUtcNow();
        if (scheduledAt?.ToUniversalTime() is { } at)
        {
            if (at <= now)
            {
                return new SendRefusal(SendMessages.PastSchedule);
            }
            var scheduled = await db.Messages.Where(m => m.Id == messageId && m.Status == MessageStatus.Draft)
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.Status, MessageStatus.Scheduled).SetProperty(m => m.ScheduledAt, at).SetProperty(m => m.UpdatedAt, now), ct);
            return scheduled == 1 ? null : new SendRefusal(SendMessages.NotDraft);
        }
        return await QueueAsync(organizationId, messageId, MessageStatus.Draft, ct) ? null : new SendRefusal(SendMessages.NotDraft);
    }

    /// <summary>Starts the scheduled messages that are due (any organization); a message whose segment went back to draft.</summary>
    public async Task<int> StartDueAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var due = await db.Messages.AsNoTracking()
            .Where(m => m.Status == MessageStatus.Scheduled && m.ScheduledAt <= now)
            .Select(m => new { m.Id, m.OrganizationId }).Take(20).ToListAsync(ct);
        var started = 0;
        foreach (var item in due)
        {
            var message = await db.Messages.AsNoTracking().SingleAsync(m => m.Id == item.Id, ct);
            if (await CheckAsync(message, ct) is not null)
            {
                // Its segment or words broke since it was scheduled: back to the organizers.
                await db.Messages.Where(m => m.Id == item.Id && m.Status == MessageStatus.Scheduled)
                    .ExecuteUpdateAsync(s => s.SetProperty(m => m.Status, MessageStatus.Draft).SetProperty(m => m.UpdatedAt, now), ct);
                continue;
            }
            if (await QueueAsync(item.OrganizationId, item.Id, MessageStatus.Scheduled, ct))
            {
                started++;
            }
        }
        return started;
    }

    public Task<SendRefusal?> PauseAsync(Guid organizationId, Guid messageId, CancellationToken ct) =>
        MoveAsync(organizationId, messageId, [MessageStatus.Sending], MessageStatus.Paused, SendMessages.NotSending, ct);

    public Task<SendRefusal?> ResumeAsync(Guid organizationId, Guid messageId, CancellationToken ct) =>
        MoveAsync(organizationId, messageId, [MessageStatus.Paused], MessageStatus.Sending, SendMessages.NotPaused, ct);

    /// <summary>Stops the send; whoever was not handed over yet is marked cancelled in the same transaction.</summary>
    public async Task<SendRefusal?> CancelAsync(Guid organizationId, Guid messageId, CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var refusal = await MoveAsync(organizationId, messageId, [MessageStatus.Scheduled, MessageStatus.Sending, MessageStatus.Paused], MessageStatus.Cancelled, SendMessages.CannotCancel, ct);
        if (refusal is not null)
        {
            return refusal;
        }
        // Claimed rows too: a sender's re-check then finds them no longer its own and abandons them.
        await db.MessageRecipients
            .Where(r => r.MessageId == messageId && (r.Status == RecipientStatus.Queued || r.Status == RecipientStatus.Claimed))
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.Status, RecipientStatus.Cancelled).SetProperty(r => r.ClaimedUntil, (DateTimeOffset?)null), ct);
        await db.Messages.Where(m => m.Id == messageId)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.FinishedAt, clock.GetUtcNow()), ct);
        await transaction.CommitAsync(ct);
        return null;
    }

    private async Task<SendRefusal?> MoveAsync(
        Guid organizationId, Guid messageId, MessageStatus[] from, MessageStatus to, string refusal, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var moved = await db.Messages.InOrganization(organizationId)
            .Where(m => m.Id == messageId && from.Contains(m.Status))
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.Status, to).SetProperty(m => m.UpdatedAt, now), ct);
        return moved == 1 ? null : new SendRefusal(refusal);
    }

    /// <summary>What must hold before a send starts: a valid segment, at least one version, known merge fields.</summary>
    private async Task<SendRefusal?> CheckAsync(Message message, CancellationToken ct)
    {
        if (await DefinitionAsync(message, ct) is null)
        {
            return new SendRefusal(message.SegmentId is null ? SendMessages.NoSegment : SendMessages.SegmentInvalid);
        }
        var versions = await db.MessageVersions.AsNoTracking().Where(v => v.MessageId == message.Id).OrderBy(v => v.Language).ToListAsync(ct);
        if (versions.Count == 0 || versions.All(v => string.IsNullOrWhiteSpace(v.Subject) && string.IsNullOrWhiteSpace(v.Body)))
        {
            return new SendRefusal(SendMessages.NoVersion);
        }
        foreach (var version in versions)
        {
            var parse = MergeTemplate.Parse(version.Subject, version.Preheader, version.Body, message.TrackClicks);
            if (!parse.IsValid)
            {
                var problems = string.Join(", ", parse.Errors.Select(e => e.Field is { } field ? "{{ " + field + " }}" : e.Excerpt).Distinct());
                return new SendRefusal(SendMessages.UnknownFields, version.Language, problems);
            }
        }
        return null;
    }

    private async Task<SegmentDefinition?> DefinitionAsync(Message message, CancellationToken ct)
    {
        if (message.SegmentId is not { } segmentId)
        {
            return null;
        }
        var json = await db.Segments.AsNoTracking().InOrganization(message.OrganizationId)
            .Where(s => s.Id == segmentId).Select(s => s.Definition).SingleOrDefaultAsync(ct);
        if (json is null || SegmentParser.ParseJson(json).Definition is not { } definition
            || (await SegmentReferences.CheckAsync(db, message.OrganizationId, definition, ct)).Count > 0)
        {
            return null;
        }
        return definition;
    }

    /// <summary>
    /// Moves the message from <paramref name="from"/> to Sending and writes one queued row per
    /// mailable member of its segment with a single INSERT … SELECT, in one transaction: a crash
    /// leaves either nothing or the whole queue.
    /// </summary>
    private async Task<bool> QueueAsync(Guid organizationId, Guid messageId, MessageStatus from, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var moved = await db.Messages.InOrganization(organizationId)
            .Where(m => m.Id == messageId && m.Status == from)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.Status, MessageStatus.Sending).SetProperty(m => m.StartedAt, now).SetProperty(m => m.UpdatedAt, now), ct);
        if (moved != 1)
        {
            return false;
        }
        var message = await db.Messages.AsNoTracking().SingleAsync(m => m.Id == messageId, ct);
        var definition = await DefinitionAsync(message, ct) ?? throw new InvalidOperationException("The segment was checked before queueing.");
        var members = SegmentQuery.Supporters(db, organizationId, definition, now).Mailable().OrderBy(s => s.Id).Select(s => s.Id);
        var count = await InsertQueueAsync(messageId, members, ct);
        await db.Messages.Where(m => m.Id == messageId).ExecuteUpdateAsync(s => s.SetProperty(m => m.RecipientCount, count), ct);
        if (message.TrackClicks)
        {
            // The counted links, numbered as the sender renders them, so that every click finds its row.
            var versions = await db.MessageVersions.AsNoTracking().Where(v => v.MessageId == messageId).ToListAsync(ct);
            await db.MessageLinks.Where(l => l.MessageId == messageId).ExecuteDeleteAsync(ct);
            db.MessageLinks.AddRange(MessageTemplates.Parse(message, versions).Links);
            await db.SaveChangesAsync(ct);
        }
        await transaction.CommitAsync(ct);
        return true;
    }

    private async Task<int> InsertQueueAsync(Guid messageId, IQueryable<Guid> supporterIds, CancellationToken ct)
    {
        await using var command = (DbCommand)supporterIds.CreateDbCommand();
        command.Transaction = db.Database.CurrentTransaction!.GetDbTransaction();
        var sql = db.GetService<ISqlGenerationHelper>();
        var entity = db.Model.FindEntityType(typeof(MessageRecipient))!;
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        string Column(string property) => sql.DelimitIdentifier(entity.FindProperty(property)!.GetColumnName(table)!);
        var messageProperty = entity.FindProperty(nameof(MessageRecipient.MessageId))!;
        var statusProperty = entity.FindProperty(nameof(MessageRecipient.Status))!;
        command.Parameters.Add(((RelationalTypeMapping)messageProperty.GetRelationalTypeMapping())
            .CreateParameter(command, "@relais_message", messageId, nullable: false));
        command.Parameters.Add(((RelationalTypeMapping)statusProperty.GetRelationalTypeMapping())
            .CreateParameter(command, "@relais_queued", RecipientStatus.Queued, nullable: false));
        command.CommandText =
            $"INSERT INTO {sql.DelimitIdentifier(table.Name, table.Schema)} ({Column(nameof(MessageRecipient.MessageId))}, {Column(nameof(MessageRecipient.SupporterId))}, " +
            $"{Column(nameof(MessageRecipient.Status))}, {Column(nameof(MessageRecipient.Attempts))}) " +
            $"SELECT @relais_message, q.\"Id\", @relais_queued, 0 FROM ({command.CommandText}) AS q";
        return await command.ExecuteNonQueryAsync(ct);
    }
}
