using Microsoft.EntityFrameworkCore;
using Relais.Activities;
using Relais.Data;

namespace Relais.Web.Petitions;

public sealed record SignerRow(
    string FirstName, string LastName, string Email, string? PostalCode, string? Country, string Language, string? Comment, DateTimeOffset SignedAt);

/// <summary>The signers of one petition, searched and paged for the admin list and streamed for export.</summary>
public static class Signers
{
    public static IQueryable<SignerRow> Of(RelaisDb db, Guid organizationId, Guid petitionId, string? search)
    {
        var signatures = db.Activities.AsNoTracking()
            .Where(a => a.OrganizationId == organizationId && a.ActionId == petitionId && a.Type == ActivityType.Signed);
        var rows = from a in signatures
                   join s in db.Supporters on a.SupporterId equals s.Id
                   where s.OrganizationId == organizationId
                   select new { a, s };
        if (!string.IsNullOrWhiteSpace(search))
        {
            var term = search.Trim().ToLowerInvariant();
            rows = rows.Where(r => r.s.NormalizedEmail.Contains(term)
                || r.s.FirstName.ToLower().Contains(term)
                || r.s.LastName.ToLower().Contains(term)
                || (r.s.PostalCode != null && r.s.PostalCode.ToLower().StartsWith(term)));
        }
        return rows
            .OrderByDescending(r => r.a.OccurredAt).ThenByDescending(r => r.a.Id)
            .Select(r => new SignerRow(r.s.FirstName, r.s.LastName, r.s.Email, r.s.PostalCode, r.s.Country, r.s.Language, r.a.Comment, r.a.OccurredAt));
    }
}
