using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Relais.Imports;

/// <summary>Which supporter field each column of a file fills (null: ignored), and the consent source.</summary>
public sealed record ImportColumnMap(IReadOnlyList<ImportField?> Columns, ImportConsentMode Consent = ImportConsentMode.Nobody)
{

    private static readonly JsonSerializerOptions Json = new()
    {
        Converters = { new JsonStringEnumConverter() },
    };

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static ImportColumnMap FromJson(string json, int columnCount)
    {
        ImportColumnMap? map = null;
        try
        {
            map = JsonSerializer.Deserialize<ImportColumnMap>(json, Json);
        }
        catch (JsonException)
        {
        }
        if (map?.Columns is null)
        {
            return new ImportColumnMap(new ImportField?[columnCount]);
        }
        // A remembered mapping from a file with the same header always has the same width; be safe anyway.
        var columns = map.Columns.Take(columnCount).Concat(Enumerable.Repeat<ImportField?>(null, Math.Max(0, columnCount - map.Columns.Count)));
        return map with { Columns = columns.ToList() };
    }

    public int IndexOf(ImportField field)
    {
        for (var i = 0; i < Columns.Count; i++)
        {
            if (Columns[i] == field)
            {
                return i;
            }
        }
        return -1;
    }

    /// <summary>The problems with this mapping, as message keys with their arguments (column names as in the file).</summary>
    public IReadOnlyList<ImportProblem> Validate(IReadOnlyList<string> header, string? declaration)
    {
        var problems = new List<ImportProblem>();
        if (IndexOf(ImportField.Email) < 0)
        {
            problems.Add(new(ImportMessages.EmailNotMapped));
        }
        foreach (var twice in Columns.Select((field, index) => (field, index))
            .Where(c => c.field is not null)
            .GroupBy(c => c.field!.Value)
            .Where(g => g.Count() > 1))
        {
            var names = string.Join(", ", twice.Select(c => ColumnName(header, c.index)));
            problems.Add(new(ImportMessages.FieldMappedTwice, twice.Key.ToString(), names));
        }
        var consentColumn = IndexOf(ImportField.EmailConsent) >= 0;
        if (Consent == ImportConsentMode.Column && !consentColumn)
        {
            problems.Add(new(ImportMessages.ConsentColumnMissing));
        }
        if (Consent != ImportConsentMode.Column && consentColumn)
        {
            problems.Add(new(ImportMessages.ConsentColumnUnused));
        }
        if (Consent != ImportConsentMode.Nobody && string.IsNullOrWhiteSpace(declaration))
        {
            problems.Add(new(ImportMessages.DeclarationRequired));
        }
        return problems;
    }

    public static string ColumnName(IReadOnlyList<string> header, int index) =>
        index < header.Count && !string.IsNullOrWhiteSpace(header[index])
            ? header[index].Trim()
            : string.Format(CultureInfo.InvariantCulture, "#{0}", index + 1);

    /// <summary>SHA-256 of the normalized header row: files with the same columns share a remembered mapping.</summary>
    public static string HeaderSignature(IReadOnlyList<string> header)
    {
        var normalized = string.Join('\u001f', header.Select(HeaderGuess.Normalize));
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(normalized)));
    }
}

/// <summary>A problem found in a file or a mapping: an English message key and its arguments.</summary>
public sealed record ImportProblem(string MessageKey, params string[] Arguments)
{
    private const char Separator = '\u001f';

    /// <summary>
    /// The problem as stored in a rejection: key and arguments, so that the report is written in
    /// the language of whoever downloads it, not of the job that found it.
    /// </summary>
    public string ToStored()
    {
        var stored = Arguments.Length == 0 ? MessageKey : MessageKey + Separator + string.Join(Separator, Arguments);
        return stored.Length <= 500 ? stored : stored[..500];
    }

    public static ImportProblem FromStored(string stored)
    {
        var parts = stored.Split(Separator);
        return new ImportProblem(parts[0], parts[1..]);
    }
}
