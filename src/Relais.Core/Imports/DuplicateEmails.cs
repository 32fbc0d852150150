using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Relais.Imports;

/// <summary>
/// Remembers every valid address read so far in a file, with its row: a later row with the same
/// normalized address is a duplicate of the first. A resumed run rebuilds it by reading the rows
/// it skips, so it rejects exactly what an uninterrupted run would.
/// </summary>
/// <remarks>
/// Addresses are kept as the first 128 bits of their SHA-256, not as strings: a million-row file
/// then holds about 40 MB instead of about 130 MB, and two different addresses would share a key
/// with a probability near 10^-27.
/// </remarks>
public sealed class DuplicateEmails
{
    private readonly Dictionary<UInt128, int> _firstRow = [];

    /// <summary>Null for a first occurrence (now remembered), else "same email as row N".</summary>
    public ImportProblem? Check(ImportedPerson person, int row)
    {
        var key = KeyOf(person.NormalizedEmail);
        if (_firstRow.TryGetValue(key, out var first))
        {
            return new ImportProblem(ImportMessages.SameEmailAsRow, first.ToString(CultureInfo.InvariantCulture));
        }
        _firstRow.Add(key, row);
        return null;
    }

    // The same digest as the suppression list's hash (SuppressedEmail.Hash), kept as a number.
    private static UInt128 KeyOf(string normalizedEmail) =>
        BinaryPrimitives.ReadUInt128LittleEndian(SHA256.HashData(Encoding.UTF8.GetBytes(normalizedEmail)));
}
