using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Relais.Consents;
using Relais.Data;
using Relais.Organizations;
using Relais.Web.Localization;
using Relais.Web.Members;

namespace Relais.Web.Pages.Admin.Supporters;

public sealed record SupporterRow(
    Guid Id, string FirstName, string LastName, string Email, string? PostalCode, int LadderRank,
    EmailConsentState EmailConsent, DateTimeOffset LastActiveAt, bool Erased);

/// <summary>The organization's supporters, most recently active first, searched and paged.</summary>
public sealed class IndexModel(RelaisDb db, CurrentOrganization organization) : PageModel
{
    public const int PageSize = 50;

    public IReadOnlyList<SupporterRow> Rows { get; private set; } = [];
    public IReadOnlyDictionary<int, string> LevelNames { get; private set; } = new Dictionary<int, string>();
    public int Total { get; private set; }
    public int PageNumber { get; private set; } = 1;
    public int PageCount => Math.Max(1, (Total + PageSize - 1) / PageSize);
    public string? Search { get; private set; }

    public async Task OnGetAsync(string? q, int? p, CancellationToken ct)
    {
        Search = q is { Length: > 100 } ? q[..100] : q;
        var query = db.Supporters.InOrganization(organization.Id).AsNoTracking();
        if (!string.IsNullOrWhiteSpace(Search))
        {
            var term = Search.Trim().ToLowerInvariant();
            query = query.Where(s => s.ErasedAt == null && (s.NormalizedEmail.Contains(term)
                || s.FirstName.ToLower().Contains(term)
                || s.LastName.ToLower().Contains(term)
                || (s.PostalCode != null && s.PostalCode.ToLower().StartsWith(term))));
        }
        Total = await query.CountAsync(ct);
        PageNumber = Math.Clamp(p ?? 1, 1, PageCount);
        Rows = await query.OrderByDescending(s => s.LastActiveAt).ThenByDescending(s => s.Id)
            .Skip((PageNumber - 1) * PageSize).Take(PageSize)
            .Select(s => new SupporterRow(s.Id, s.FirstName, s.LastName, s.Email, s.PostalCode, s.LadderRank, s.EmailConsent, s.LastActiveAt, s.ErasedAt != null))
            .ToListAsync(ct);
        var english = LocalizationSetup.CurrentLanguage == Languages.English;
        LevelNames = await db.LadderLevels.InOrganization(organization.Id)
            .ToDictionaryAsync(l => l.Rank, l => english ? l.NameEn : l.NameFr, ct);
    }
}
