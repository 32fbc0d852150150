using Microsoft.EntityFrameworkCore;
using Relais.Data;

namespace Relais.Web.Giving;

/// <summary>The money a campaign's fundraiser raised, and how many people gave it.</summary>
public sealed class MoneyOutcomeSource(IDbContextFactory<RelaisDb> dbFactory) : ICampaignOutcomeSource
{
    public const string PeopleGaveMoney = Relais.Giving.GivingMessages.PeopleGaveMoney;
    public const string Raised = "raised";

    public async Task<IReadOnlyList<CampaignOutcome>> ForCampaignsAsync(Guid organizationId, IReadOnlyCollection<Guid> campaignIds, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var ids = campaignIds.ToList();
        var fundraisers = await db.Fundraisers.AsNoTracking()
            .Where(f => f.OrganizationId == organizationId && ids.Contains(f.CampaignId))
            .Select(f => new { f.CampaignId, f.DonorCount, f.RaisedMinor, f.Currency })
            .ToListAsync(ct);
        return fundraisers
            .Where(f => f.DonorCount > 0)
            .SelectMany(f => new[]
            {
                new CampaignOutcome(f.CampaignId, PeopleGaveMoney, f.DonorCount),
                new CampaignOutcome(f.CampaignId, Raised, f.RaisedMinor, Currency: f.Currency),
            })
            .ToList();
    }
}
