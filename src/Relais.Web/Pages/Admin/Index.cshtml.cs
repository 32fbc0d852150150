using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Relais.Data;
using Relais.Organizations;
using Relais.Web.Localization;
using Relais.Web.Members;

namespace Relais.Web.Pages.Admin;

public sealed class IndexModel(RelaisDb db, CurrentOrganization organization, Relais.Web.Giving.CampaignOutcomes outcomes) : PageModel
{
    public sealed record Row(Guid Id, string Slug, string Title, bool IsPublished, DateOnly? Deadline, int? Signatures, int? Goal);

    public string OrganizationName { get; private set; } = "";
    public IReadOnlyList<Row> Campaigns { get; private set; } = [];
    public bool CanEdit => organization.CanEdit;

    /// <summary>Every outcome source's figures (money raised, items received), by campaign.</summary>
    public ILookup<Guid, Relais.Web.Giving.CampaignOutcome> Outcomes { get; private set; } = Array.Empty<Relais.Web.Giving.CampaignOutcome>().ToLookup(o => o.CampaignId);

    public async Task OnGetAsync(CancellationToken ct)
    {
        OrganizationName = await db.Organizations.Where(o => o.Id == organization.Id).Select(o => o.Name).SingleAsync(ct);
        var language = LocalizationSetup.CurrentLanguage;
        var campaigns = await db.Campaigns.InOrganization(organization.Id).AsNoTracking()
            .Include(c => c.Texts)
            .Include(c => c.Petition)
            .OrderByDescending(c => c.CreatedAt)
            .ToListAsync(ct);
        Campaigns = campaigns
            .Select(c => new Row(c.Id, c.Slug, c.TextFor(language)?.Title ?? c.Slug, c.IsPublished, c.Deadline,
                c.Petition?.SignatureCount, c.Petition?.Goal))
            .ToList();
        Outcomes = (await outcomes.ForCampaignsAsync(organization.Id, Campaigns.Select(c => c.Id).ToList(), ct)).ToLookup(o => o.CampaignId);
    }
}
