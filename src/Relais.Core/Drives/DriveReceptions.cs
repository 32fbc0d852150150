using Microsoft.EntityFrameworkCore;
using Relais.Data;

namespace Relais.Drives;

public enum ReceptionOutcome
{
    Recorded,

    /// <summary>The line to correct was corrected meanwhile (by someone else): nothing written, correct the newer line.</summary>
    AlreadyCorrected,

    NotFound,
}

/// <summary>
/// Records what arrived at a drop-off: a new line in the history, and the need's and pledge's
/// received totals moved by exactly what the line changes, in one transaction.
/// </summary>
public static class DriveReceptions
{
    /// <summary>Items received, for a pledge or (with <paramref name="pledge"/> null) a walk-in gift.</summary>
    public static Task<ReceptionOutcome> ReceiveAsync(
        RelaisDb db, Guid organizationId, Guid driveId, Guid needId, ItemPledge? pledge, int quantity, string recordedBy, DateTimeOffset now, CancellationToken ct) =>
        WriteAsync(db, new DriveReception
        {
            OrganizationId = organizationId,
            DriveId = driveId,
            NeedId = needId,
            PledgeId = pledge?.Id,
            Quantity = quantity,
            RecordedBy = recordedBy,
            RecordedAt = now,
        }, delta: quantity, ct);

    /// <summary>Replaces the quantity of an earlier line that no line corrects yet; the earlier line stays in the history.</summary>
    public static async Task<ReceptionOutcome> CorrectAsync(
        RelaisDb db, Guid organizationId, Guid lineId, int quantity, string recordedBy, DateTimeOffset now, CancellationToken ct)
    {
        var line = await db.DriveReceptions.AsNoTracking()
            .SingleOrDefaultAsync(r => r.Id == lineId && r.OrganizationId == organizationId, ct);
        if (line is null)
        {
            return ReceptionOutcome.NotFound;
        }
        if (await db.DriveReceptions.AnyAsync(r => r.SupersedesId == lineId, ct))
        {
            return ReceptionOutcome.AlreadyCorrected;
        }
        var correction = new DriveReception
        {
            OrganizationId = organizationId,
            DriveId = line.DriveId,
            NeedId = line.NeedId,
            PledgeId = line.PledgeId,
            Quantity = quantity,
            SupersedesId = line.Id,
            RecordedBy = recordedBy,
            RecordedAt = now,
        };
        try
        {
            return await WriteAsync(db, correction, DriveRules.CorrectionDelta(line.Quantity, quantity), ct);
        }
        catch (DbUpdateException)
        {
            // Another correction of the same line committed first (the unique index on SupersedesId).
            return ReceptionOutcome.AlreadyCorrected;
        }
    }

    private static async Task<ReceptionOutcome> WriteAsync(RelaisDb db, DriveReception line, long delta, CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        db.DriveReceptions.Add(line);
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
        await db.DriveNeeds.Where(n => n.Id == line.NeedId && n.OrganizationId == line.OrganizationId)
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.ReceivedQuantity, n => n.ReceivedQuantity + delta), ct);
        if (line.PledgeId is { } pledgeId)
        {
            await db.ItemPledges.Where(p => p.Id == pledgeId)
                .ExecuteUpdateAsync(s => s.SetProperty(p => p.ReceivedQuantity, p => p.ReceivedQuantity + delta), ct);
            var pledge = await db.ItemPledges.AsNoTracking().SingleAsync(p => p.Id == pledgeId, ct);
            var status = DriveRules.StatusFor(pledge.ReceivedQuantity, pledge.Quantity);
            await db.ItemPledges.Where(p => p.Id == pledgeId)
                .ExecuteUpdateAsync(s => s.SetProperty(p => p.Status, status), ct);
        }
        await transaction.CommitAsync(ct);
        return ReceptionOutcome.Recorded;
    }
}
