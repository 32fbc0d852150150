using Microsoft.EntityFrameworkCore;
using Relais.Data;
using Relais.Organizations;

namespace Relais.Tags;

/// <summary>Putting tags on supporters and taking them off; both are idempotent.</summary>
public static class Tagging
{
    /// <summary>
    /// Tags the supporter with the tag of that name, creating it on the fly. Two organizers doing
    /// the same at once meet the unique indexes; the loser reads what the winner wrote.
    /// </summary>
    public static async Task<Tag> TagAsync(
        RelaisDb db, Guid organizationId, Guid supporterId, string name, string source, DateTimeOffset now, CancellationToken ct)
    {
        var tag = await FindOrCreateAsync(db, organizationId, name, now, ct);
        if (!await db.SupporterTags.AnyAsync(t => t.SupporterId == supporterId && t.TagId == tag.Id, ct))
        {
            var link = new SupporterTag { SupporterId = supporterId, TagId = tag.Id, OrganizationId = organizationId, TaggedAt = now, Source = source };
            db.SupporterTags.Add(link);
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException)
            {
                // Tagged in the meantime: the row we wanted is there.
                db.Entry(link).State = EntityState.Detached;
            }
        }
        return tag;
    }

    public static Task<int> UntagAsync(RelaisDb db, Guid organizationId, Guid supporterId, Guid tagId, CancellationToken ct) =>
        db.SupporterTags.InOrganization(organizationId)
            .Where(t => t.SupporterId == supporterId && t.TagId == tagId)
            .ExecuteDeleteAsync(ct);

    private static async Task<Tag> FindOrCreateAsync(RelaisDb db, Guid organizationId, string name, DateTimeOffset now, CancellationToken ct)
    {
        var normalized = Tag.Normalize(name);
        var existing = await db.Tags.InOrganization(organizationId).SingleOrDefaultAsync(t => t.NormalizedName == normalized, ct);
        if (existing is not null)
        {
            return existing;
        }
        var tag = new Tag { OrganizationId = organizationId, Name = name.Trim(), NormalizedName = normalized, CreatedAt = now };
        db.Tags.Add(tag);
        try
        {
            await db.SaveChangesAsync(ct);
            return tag;
        }
        catch (DbUpdateException)
        {
            db.Entry(tag).State = EntityState.Detached;
            return await db.Tags.InOrganization(organizationId).SingleAsync(t => t.NormalizedName == normalized, ct);
        }
    }
}
