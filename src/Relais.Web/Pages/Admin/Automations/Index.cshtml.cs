using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Relais.Data;
using Relais.Messaging;
using Relais.Organizations;
using Relais.Web.Members;

namespace Relais.Web.Pages.Admin.Automations;

/// <summary>The automatic emails: the organization's wording of each, and the petitions that have their own.</summary>
public sealed class IndexModel(RelaisDb db, CurrentOrganization organization) : PageModel
{
    public sealed record KindRow(string Kind, bool Custom, bool Enabled, IReadOnlyList<ActionRow> Overrides);

    public sealed record ActionRow(Guid ActionId, string Title, bool Enabled);

    public IReadOnlyList<KindRow> Kinds { get; private set; } = [];
    public IReadOnlyList<ActionRow> Petitions { get; private set; } = [];
    public bool CanEdit => organization.CanEdit;

    public async Task OnGetAsync(CancellationToken ct)
    {
        var language = Languages.Closest(System.Globalization.CultureInfo.CurrentUICulture.Name);
        Petitions = (await db.Petitions.AsNoTracking().InOrganization(organization.Id)
                .OrderByDescending(p => p.CreatedAt)
                .Select(p => new { p.Id, Texts = p.Campaign!.Texts.Select(t => new { t.Language, t.Title }).ToList(), p.Campaign.Slug })
                .ToListAsync(ct))
            .Select(p => new ActionRow(p.Id, (p.Texts.FirstOrDefault(t => t.Language == language) ?? p.Texts.FirstOrDefault())?.Title ?? p.Slug, true))
            .ToList();
        var rows = await db.EmailTemplates.AsNoTracking().InOrganization(organization.Id)
            .Select(t => new { t.Kind, t.ActionId, t.Enabled })
            .ToListAsync(ct);
        Kinds = EmailTemplateKinds.All.Select(kind =>
        {
            var own = rows.Where(r => r.Kind == kind && r.ActionId == Guid.Empty).ToList();
            var overrides = rows.Where(r => r.Kind == kind && r.ActionId != Guid.Empty)
                .GroupBy(r => r.ActionId)
                .Select(g => new ActionRow(g.Key, Petitions.FirstOrDefault(p => p.ActionId == g.Key)?.Title ?? g.Key.ToString(), g.All(r => r.Enabled)))
                .ToList();
            return new KindRow(kind, own.Count > 0, own.All(r => r.Enabled), overrides);
        }).ToList();
    }
}
