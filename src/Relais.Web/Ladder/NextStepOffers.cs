using Microsoft.EntityFrameworkCore;
using Relais.Data;
using Relais.Ladder;

namespace Relais.Web.Ladder;

/// <summary>
/// The next step to offer after an action, for the thank-you page (from a <see cref="LadderReference"/>)
/// and the thank-you email (from the supporter's id).
/// </summary>
public sealed class NextStepOffers(IDbContextFactory<RelaisDb> dbFactory, LadderReference references)
{
    /// <summary>From the thank-you page's reference; without a valid one, from the action's own level.</summary>
    public async Task<NextStep?> ForReferenceAsync(
        Guid organizationId, Guid actionTaken, string? reference, string language, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var supporter = references.TryRead(reference, out var referenced, out var email) && referenced == organizationId
            ? await db.Supporters.AsNoTracking()
                .Where(s => s.OrganizationId == organizationId && s.NormalizedEmail == email)
                .Select(s => new { s.Id, s.LadderRank })
                .SingleOrDefaultAsync(ct)
            : null;
        return await db.FindAsync(organizationId, actionTaken, supporter?.LadderRank ?? 0, supporter?.Id, language, ct);
    }

    /// <summary>For a known supporter, as the thank-you email needs it.</summary>
    public async Task<NextStep?> ForSupporterAsync(
        Guid organizationId, Guid actionTaken, Guid supporterId, string language, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rank = await db.Supporters.AsNoTracking()
            .Where(s => s.OrganizationId == organizationId && s.Id == supporterId)
            .Select(s => (int?)s.LadderRank)
            .SingleOrDefaultAsync(ct);
        return rank is null ? null : await db.FindAsync(organizationId, actionTaken, rank.Value, supporterId, language, ct);
    }
}
