using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Relais.Data;
using Relais.Privacy;
using Relais.Web.Members;

namespace Relais.Web.Pages.Admin.Privacy;

/// <summary>The retention job by hand: a dry run first (who would be anonymized), then the button.</summary>
[Authorize(Policy = Policies.Organizer)]
public sealed class RetentionModel(RelaisDb db, CurrentOrganization organization, TimeProvider clock) : PageModel
{
    public const int Shown = 50;

    public sealed record Row(Guid Id, string Name, string Email, DateTimeOffset LastActiveAt);

    public int Months { get; private set; }
    public DateTimeOffset Cutoff { get; private set; }
    public int Due { get; private set; }
    public IReadOnlyList<Row> Rows { get; private set; } = [];
    public int? Anonymized { get; private set; }

    public async Task OnGetAsync(int? done, CancellationToken ct)
    {
        Anonymized = done;
        await LoadAsync(ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var target = await db.Organizations.SingleAsync(o => o.Id == organization.Id, ct);
        var count = await db.ApplyRetentionAsync(target, clock.GetUtcNow(), ct);
        return RedirectToPage(new { done = count });
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Months = await db.Organizations.Where(o => o.Id == organization.Id).Select(o => o.RetentionMonths).SingleAsync(ct);
        Cutoff = Retention.Cutoff(clock.GetUtcNow(), Months);
        var due = db.Supporters.AsNoTracking().DueForRetention(organization.Id, Cutoff);
        Due = await due.CountAsync(ct);
        Rows = (await due.OrderBy(s => s.LastActiveAt).Take(Shown)
                .Select(s => new { s.Id, s.FirstName, s.LastName, s.Email, s.LastActiveAt }).ToListAsync(ct))
            .Select(s => new Row(s.Id, $"{s.FirstName} {s.LastName}".Trim(), s.Email, s.LastActiveAt)).ToList();
    }
}
