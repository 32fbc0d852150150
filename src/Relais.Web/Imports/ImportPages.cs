using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Relais.Data;
using Relais.Imports;
using Relais.Organizations;

namespace Relais.Web.Imports;

/// <summary>What the import pages share: finding the import of the organization, reading the head of its file.</summary>
public static class ImportPages
{
    public static Task<Import?> FindAsync(RelaisDb db, Guid organizationId, Guid id, CancellationToken ct) =>
        db.Imports.InOrganization(organizationId).SingleOrDefaultAsync(i => i.Id == id, ct);

    /// <summary>The header and up to <paramref name="rows"/> data rows.</summary>
    public static (string[] Header, List<string[]> Rows) Head(ImportRunner runner, Import import, int rows)
    {
        var head = ImportFile.ReadRows(runner.PathOf(import), import.Format, import.Encoding, import.Delimiter).Take(rows + 1).ToList();
        return head.Count == 0 ? ([], []) : (head[0], head.Skip(1).ToList());
    }

    /// <summary>A problem in the reader's language; field names in arguments are translated too.</summary>
    public static string Message(IStringLocalizer localizer, ImportProblem problem)
    {
        var arguments = problem.Arguments
            .Select(a => Enum.TryParse<ImportField>(a, out var field) && problem.MessageKey == ImportMessages.FieldMappedTwice
                ? localizer[ImportTexts.Field(field)].Value
                : a)
            .ToArray<object>();
        return localizer[problem.MessageKey, arguments].Value;
    }
}
