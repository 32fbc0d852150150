using Microsoft.EntityFrameworkCore;
using Relais.Data;
using Relais.Ladder;

namespace Relais.Web.Ladder;

/// <summary>
/// The next step to offer after an action, for the thank-you page (the signer it found from its
/// <see cref="LadderReference"/>) and the thank-you email (from the supporter's id).
/// </summary>
public sealed class NextStepOffers(IDbContextFactory<RelaisDb> dbFactory)
{
    /// <summary>For a person the caller has already found (<paramref name="supporterId"/> null: nobody known, from the action's own level).</summary>
    public async Task<NextStep?> ForRankAsync(
        Guid organizationId, Guid actionTaken, int ladderRank, Guid? supporterId, string language, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.FindAsync(organizationId, actionTaken, ladderRank, supporterId, language, ct);
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
