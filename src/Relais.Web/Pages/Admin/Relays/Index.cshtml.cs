using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Relais.Data;
using Relais.Organizations;
using Relais.Relays;
using Relais.Web.Localization;
using Relais.Web.Members;

namespace Relais.Web.Pages.Admin.Relays;

/// <summary>What relays did for a campaign: shares, clicks, conversions, viral coefficient, top relays, the relay tree.</summary>
public sealed class IndexModel(RelaisDb db, CurrentOrganization organization) : PageModel
{
    public const int RootsPerPage = 20;
    public const int ChildrenShown = 50;

    public sealed record CampaignChoice(Guid Id, string Title);

    public IReadOnlyList<CampaignChoice> Campaigns { get; private set; } = [];
    public Guid? CampaignId { get; private set; }
    public RelayReport? Report { get; private set; }
    public IReadOnlyList<RelayNode> Roots { get; private set; } = [];
    public IReadOnlyDictionary<Guid, string> Names { get; private set; } = new Dictionary<Guid, string>();
    public int PageNumber { get; private set; } = 1;
    public int PageCount { get; private set; } = 1;

    public async Task<IActionResult> OnGetAsync(Guid? campaign, int? p, CancellationToken ct)
    {
        var language = LocalizationSetup.CurrentLanguage;
        Campaigns = (await db.Campaigns.AsNoTracking().InOrganization(organization.Id)
                .OrderByDescending(c => c.CreatedAt)
                .Select(c => new { c.Id, c.Slug, Texts = c.Texts.Select(t => new { t.Language, t.Title }).ToList() })
                .ToListAsync(ct))
            .Select(c => new CampaignChoice(c.Id, c.Texts.FirstOrDefault(t => t.Language == language)?.Title ?? c.Texts.FirstOrDefault()?.Title ?? c.Slug))
            .ToList();
        CampaignId = campaign ?? Campaigns.FirstOrDefault()?.Id;
        if (CampaignId is not { } id)
        {
            return Page();
        }
        Report = await RelayReport.BuildAsync(db, organization.Id, id, ct);
        if (Report is null)
        {
            return NotFound();
        }
        PageCount = Math.Max(1, (Report.Tree.Roots.Count + RootsPerPage - 1) / RootsPerPage);
        PageNumber = Math.Clamp(p ?? 1, 1, PageCount);
        Roots = Report.Tree.Roots.Skip((PageNumber - 1) * RootsPerPage).Take(RootsPerPage).ToList();
        var shown = new HashSet<Guid>();
        void Collect(RelayNode node)
        {
            shown.Add(node.Id);
            foreach (var child in node.Children.Take(ChildrenShown))
            {
                Collect(child);
            }
        }
        foreach (var root in Roots)
        {
            Collect(root);
        }
        var ids = shown.ToList();
        Names = (await db.Supporters.AsNoTracking().InOrganization(organization.Id)
                .Where(s => ids.Contains(s.Id))
                .Select(s => new { s.Id, s.FirstName, s.LastName, s.ErasedAt })
                .ToListAsync(ct))
            .ToDictionary(s => s.Id, s => s.ErasedAt is null ? $"{s.FirstName} {s.LastName}".Trim() : "");
        return Page();
    }
}
