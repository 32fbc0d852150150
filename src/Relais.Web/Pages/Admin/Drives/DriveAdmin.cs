using Microsoft.EntityFrameworkCore;
using Relais.Data;
using Relais.Drives;

namespace Relais.Web.Pages.Admin.Drives;

/// <summary>A pledge as the organizer's lists show it.</summary>
public sealed record PledgeRow(
    Guid Id, string Code, Guid NeedId, string Name, string Email, int Quantity, DateOnly Date, string Point,
    PledgeStatus Status, long Received, bool IsBeyondNeed);

/// <summary>The organizer's queries of drives, each scoped to the member's organization.</summary>
public static class DriveAdmin
{
    public static Task<Drive?> FindAsync(RelaisDb db, Guid organizationId, Guid driveId, CancellationToken ct) =>
        db.Drives.AsNoTracking().Include(d => d.Needs).Include(d => d.Points).Include(d => d.Campaign)
            .SingleOrDefaultAsync(d => d.Id == driveId && d.OrganizationId == organizationId, ct);

    /// <summary>A drive's pledges with their supporter and drop-off point; <paramref name="filter"/> narrows the pledges first.</summary>
    public static IQueryable<PledgeRow> Pledges(
        RelaisDb db, Guid organizationId, Guid driveId, System.Linq.Expressions.Expression<Func<ItemPledge, bool>>? filter = null)
    {
        var pledges = db.ItemPledges.Where(p => p.OrganizationId == organizationId && p.DriveId == driveId);
        if (filter is not null)
        {
            pledges = pledges.Where(filter);
        }
        return from p in pledges
               join s in db.Supporters on p.SupporterId equals s.Id
               join o in db.DropOffPoints on p.DropOffPointId equals o.Id
               orderby p.DropOffDate, p.CreatedAt
               select new PledgeRow(p.Id, p.Code, p.NeedId, s.FirstName + " " + s.LastName, s.Email, p.Quantity, p.DropOffDate, o.Name,
                   p.Status, p.ReceivedQuantity, p.IsBeyondNeed);
    }

    /// <summary>A received quantity as typed at the drop-off; a correction may be 0 (nothing came after all).</summary>
    public static string? QuantityError(string? text, bool correction, out int quantity)
    {
        if (correction && text?.Trim() == "0")
        {
            quantity = 0;
            return null;
        }
        return PledgeRules.QuantityError(text, out quantity);
    }
}
