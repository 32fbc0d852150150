using Microsoft.EntityFrameworkCore;
using Relais.Channels;
using Relais.Data;
using Relais.Organizations;

namespace Relais.Web.Supporters;

/// <summary>
/// A channel's name and address are unique in its organization: checked first, and the unique index
/// on the address refuses one taken meanwhile.
/// </summary>
public static class ChannelNames
{
    /// <summary>The message key of the clash with another channel, if any.</summary>
    public static async Task<string?> ClashAsync(RelaisDb db, Guid organizationId, Channel channel, CancellationToken ct)
    {
        var others = db.Channels.InOrganization(organizationId).Where(c => c.Id != channel.Id);
        if (await others.AnyAsync(c => c.Slug == channel.Slug, ct))
        {
            return SupporterMessages.ChannelSlugTaken;
        }
        return await others.AnyAsync(c => c.Name == channel.Name, ct) ? SupporterMessages.ChannelNameTaken : null;
    }

    public static async Task<string?> SaveAsync(RelaisDb db, Guid organizationId, Channel channel, CancellationToken ct)
    {
        if (await ClashAsync(db, organizationId, channel, ct) is { } clash)
        {
            return clash;
        }
        try
        {
            await db.SaveChangesAsync(ct);
            return null;
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            return SupporterMessages.ChannelSlugTaken;
        }
    }
}
