using Microsoft.EntityFrameworkCore;
using Relais.Data;
using Relais.Organizations;

namespace Relais.Web.Supporters;

/// <summary>A local group's name is unique in its organization: checked first, the unique index as final guard.</summary>
public static class GroupNames
{
    public static Task<bool> TakenAsync(RelaisDb db, Guid organizationId, string name, Guid? except, CancellationToken ct) =>
        db.LocalGroups.InOrganization(organizationId).AnyAsync(g => g.Name == name && g.Id != except, ct);

    /// <summary>Saves, or answers false when the unique index refused a name taken meanwhile.</summary>
    public static async Task<bool> SaveAsync(RelaisDb db, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            return false;
        }
    }
}
