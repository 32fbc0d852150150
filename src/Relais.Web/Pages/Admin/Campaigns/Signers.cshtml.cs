using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Relais.Data;
using Relais.Organizations;
using Relais.Web.Localization;
using Relais.Web.Members;
using Relais.Web.Petitions;

namespace Relais.Web.Pages.Admin.Campaigns;

public sealed class SignersModel(RelaisDb db, CurrentOrganization organization) : PageModel
{
    public const int PageSize = 50;

    public Guid CampaignId { get; private set; }
    public string Title { get; private set; } = "";
    public IReadOnlyList<SignerRow> Rows { get; private set; } = [];
    public int Total { get; private set; }
    public int PageNumber { get; private set; } = 1;
    public int PageCount => Math.Max(1, (Total + PageSize - 1) / PageSize);

    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Search { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, int? p, CancellationToken ct)
    {
        var campaign = await db.Campaigns.InOrganization(organization.Id).AsNoTracking()
            .Include(c => c.Texts)
            .Include(c => c.Petition)
            .SingleOrDefaultAsync(c => c.Id == id, ct);
        if (campaign?.Petition is null)
        {
            return NotFound();
        }
        if (Search is { Length: > 100 })
        {
            Search = Search[..100];
        }
        CampaignId = id;
        Title = campaign.TextFor(LocalizationSetup.CurrentLanguage)?.Title ?? campaign.Slug;
        var query = Signers.Of(db, organization.Id, campaign.Petition.Id, Search);
        Total = await query.CountAsync(ct);
        PageNumber = Math.Clamp(p ?? 1, 1, PageCount);
        Rows = await query.Skip((PageNumber - 1) * PageSize).Take(PageSize).ToListAsync(ct);
        return Page();
    }
}
