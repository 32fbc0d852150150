using System.Globalization;

namespace Relais.Imports;

/// <summary>
/// Remembers every valid address read so far in a file, with its row: a later row with the same
/// normalized address is a duplicate of the first. A resumed run rebuilds it by reading the rows
/// it skips, so it rejects exactly what an uninterrupted run would.
/// </summary>
public sealed class DuplicateEmails
{
    private readonly Dictionary<string, int> _firstRow = new(StringComparer.Ordinal);

    /// <summary>Null for a first occurrence (now remembered), else "same email as row N".</summary>
    public ImportProblem? Check(ImportedPerson person, int row)
    {
        if (_firstRow.TryGetValue(person.NormalizedEmail, out var first))
        {
            return new ImportProblem(ImportMessages.SameEmailAsRow, first.ToString(CultureInfo.InvariantCulture));
        }
        _firstRow.Add(person.NormalizedEmail, row);
        return null;
    }
}
