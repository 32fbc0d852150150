using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Relais.Actions;
using Relais.Data;
using Relais.Messaging;
using Relais.Organizations;
using Relais.Web.Automations;
using Relais.Web.Members;

namespace Relais.Web.Pages.Admin.Automations;

/// <summary>The automatic emails: the organization's wording of each, and the petitions that have their own.</summary>
public sealed class IndexModel(RelaisDb db, CurrentOrganization organization) : PageModel
{
    public sealed record KindRow(string Kind, bool Custom, bool Enabled, IReadOnlyList<ActionRow> Overrides);

    public sealed record ActionRow(Guid ActionId, string Title, bool Enabled, ActionType Type = ActionType.Petition);

    public IReadOnlyList<KindRow> Kinds { get; private set; } = [];

    /// <summary>Every action of the organization (petitions, fundraisers, drives), titled by its campaign.</summary>
    public IReadOnlyList<ActionRow> Actions { get; private set; } = [];
    public bool CanEdit => organization.CanEdit;

    /// <summary>The actions that may have their own wording of <paramref name="kind"/>.</summary>
    public IReadOnlyList<ActionRow> ActionsFor(string kind) =>
        AutomationNames.ActionTypeOf(kind) is { } type ? Actions.Where(a => a.Type == type).ToList() : Actions;

    public async Task OnGetAsync(CancellationToken ct)
    {
        var language = Languages.Closest(System.Globalization.CultureInfo.CurrentUICulture.Name);
        Actions = await ActionTitles.OfOrganizationAsync(db, organization.Id, language, ct);
        var rows = await db.EmailTemplates.AsNoTracking().InOrganization(organization.Id)
            .Select(t => new { t.Kind, t.ActionId, t.Enabled })
            .ToListAsync(ct);
        Kinds = EmailTemplateKinds.All.Select(kind =>
        {
            var own = rows.Where(r => r.Kind == kind && r.ActionId == Guid.Empty).ToList();
            var overrides = rows.Where(r => r.Kind == kind && r.ActionId != Guid.Empty)
                .GroupBy(r => r.ActionId)
                .Select(g => new ActionRow(g.Key, Actions.FirstOrDefault(p => p.ActionId == g.Key)?.Title ?? g.Key.ToString(), g.All(r => r.Enabled)))
                .ToList();
            return new KindRow(kind, own.Count > 0, own.All(r => r.Enabled), overrides);
        }).ToList();
    }
}
