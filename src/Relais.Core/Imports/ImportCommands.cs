using Microsoft.EntityFrameworkCore;
using Relais.Data;
using Relais.Organizations;

namespace Relais.Imports;

/// <summary>The organizer's commands on an import: queue a dry run or the real run, resume, cancel.</summary>
public static class ImportCommands
{
    /// <summary>A dry run or a real run from the first row: a new report replaces the previous one.</summary>
    public static async Task<bool> QueueAsync(RelaisDb db, Guid organizationId, Guid importId, bool dryRun, CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        // A real run starts over only from a dry run or a fresh upload: anything else was already merged.
        var queued = await db.Imports.InOrganization(organizationId)
            .Where(i => i.Id == importId && (i.Status == ImportStatus.Uploaded || (i.DryRun && i.Status != ImportStatus.Queued && i.Status != ImportStatus.Running)))
            .ExecuteUpdateAsync(s => s
                .SetProperty(i => i.Status, ImportStatus.Queued)
                .SetProperty(i => i.DryRun, dryRun)
                .SetProperty(i => i.ProcessedRows, 0)
                .SetProperty(i => i.Inserted, 0)
                .SetProperty(i => i.Updated, 0)
                .SetProperty(i => i.Unchanged, 0)
                .SetProperty(i => i.Rejected, 0)
                .SetProperty(i => i.StartedAt, (DateTimeOffset?)null)
                .SetProperty(i => i.CompletedAt, (DateTimeOffset?)null)
                .SetProperty(i => i.Error, (string?)null), ct);
        if (queued == 0)
        {
            return false;
        }
        await db.ImportRejections.Where(r => r.ImportId == importId).ExecuteDeleteAsync(ct);
        await transaction.CommitAsync(ct);
        return true;
    }

    /// <summary>A cancelled or failed real run continues after its last committed chunk.</summary>
    public static async Task<bool> ResumeAsync(RelaisDb db, Guid organizationId, Guid importId, CancellationToken ct) =>
        await db.Imports.InOrganization(organizationId)
            .Where(i => i.Id == importId && !i.DryRun && (i.Status == ImportStatus.Cancelled || i.Status == ImportStatus.Failed))
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.Status, ImportStatus.Queued).SetProperty(i => i.Error, (string?)null), ct) > 0;

    /// <summary>Stops a queued or running import before its next chunk; committed chunks stay.</summary>
    public static async Task<bool> CancelAsync(RelaisDb db, Guid organizationId, Guid importId, DateTimeOffset now, CancellationToken ct) =>
        await db.Imports.InOrganization(organizationId)
            .Where(i => i.Id == importId && (i.Status == ImportStatus.Queued || i.Status == ImportStatus.Running))
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.Status, ImportStatus.Cancelled).SetProperty(i => i.CompletedAt, now), ct) > 0;

    public static bool CanMap(Import import) =>
        import.Status == ImportStatus.Uploaded || (import.DryRun && import.Status is not (ImportStatus.Queued or ImportStatus.Running));
}

/// <summary>Column mappings remembered per organization, for the next file with the same header.</summary>
public static class ImportMappings
{
    public static async Task RememberAsync(RelaisDb db, Import import, IReadOnlyList<string> header, DateTimeOffset now, CancellationToken ct)
    {
        var signature = ImportColumnMap.HeaderSignature(header);
        var stored = await db.ImportMappings.InOrganization(import.OrganizationId).SingleOrDefaultAsync(m => m.HeaderSignature == signature, ct);
        if (stored is null)
        {
            db.ImportMappings.Add(new ImportMapping { OrganizationId = import.OrganizationId, HeaderSignature = signature, Mapping = import.Mapping, UpdatedAt = now });
        }
        else
        {
            stored.Mapping = import.Mapping;
            stored.UpdatedAt = now;
        }
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Another organizer remembered the same header at the same moment; theirs stands.
            db.ChangeTracker.Clear();
        }
    }
}
