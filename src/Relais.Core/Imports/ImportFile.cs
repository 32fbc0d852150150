using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;
using ExcelDataReader;

namespace Relais.Imports;

/// <summary>What the upload found in a file: how to read it, its header, a sample and its size, or why it cannot be read.</summary>
public sealed record ImportAnalysis(
    string? Encoding, string? Delimiter, IReadOnlyList<string> Header, IReadOnlyList<string[]> Sample, int TotalRows, ImportProblem? Problem);

/// <summary>Reads a stored CSV or XLSX file row by row, never the whole file at once.</summary>
public static class ImportFile
{


    public const string Csv = "csv";
    public const string Xlsx = "xlsx";

    public const int SampleSize = 20;

    /// <summary>"csv" or "xlsx" from the file's name, or null.</summary>
    public static string? FormatOf(string fileName) => Path.GetExtension(fileName).ToLowerInvariant() switch
    {
        ".csv" or ".txt" or ".tsv" => ImportFile.Csv,
        ".xlsx" => ImportFile.Xlsx,
        _ => null,
    };

    public static ImportAnalysis Analyze(string path, string format)
    {
        if (new FileInfo(path).Length == 0)
        {
            return Failed(ImportMessages.Empty);
        }
        string? encoding = null;
        string? delimiter = null;
        if (format == ImportFile.Csv)
        {
            using var stream = File.OpenRead(path);
            encoding = CsvSniffer.DetectEncoding(stream);
            stream.Seek(0, SeekOrigin.Begin);
            var head = new byte[64 * 1024];
            var read = stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
            if (CsvSniffer.LooksBinary(head.AsSpan(0, read), encoding))
            {
                return Failed(ImportMessages.Unreadable);
            }
            var text = CsvSniffer.EncodingNamed(encoding).GetString(head, 0, read).TrimStart('\uFEFF', '\r', '\n', ' ');
            delimiter = CsvSniffer.DetectDelimiter(text).ToString();
        }
        else if (!IsZip(path))
        {
            return Failed(ImportMessages.Unreadable);
        }
        try
        {
            string[]? header = null;
            var sample = new List<string[]>();
            var count = 0;
            foreach (var row in ReadRows(path, format, encoding, delimiter))
            {
                if (header is null)
                {
                    header = row;
                    continue;
                }
                if (sample.Count < SampleSize)
                {
                    sample.Add(row);
                }
                count++;
            }
            if (header is null)
            {
                return Failed(format == ImportFile.Xlsx ? ImportMessages.EmptySheet : ImportMessages.NoHeader);
            }
            // A file that starts with its data: the first "column name" is an address.
            if (header.Any(Supporters.EmailAddress.IsValid))
            {
                return Failed(ImportMessages.NoHeader);
            }
            if (count == 0)
            {
                return Failed(ImportMessages.NoRows);
            }
            return new ImportAnalysis(encoding, delimiter, header, sample, count, null);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return Failed(ImportMessages.Unreadable);
        }

        static ImportAnalysis Failed(string key) => new(null, null, [], [], 0, new ImportProblem(key));
    }

    /// <summary>
    /// The file's rows, header first, skipping rows where every cell is blank (spreadsheets leave
    /// many). Lazy: only the current chunk is in memory.
    /// </summary>
    public static IEnumerable<string[]> ReadRows(string path, string format, string? encoding, string? delimiter) =>
        format == ImportFile.Xlsx ? ReadSheet(path) : ReadCsv(path, encoding, delimiter);

    private static IEnumerable<string[]> ReadCsv(string path, string? encoding, string? delimiter)
    {
        var config = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            Delimiter = string.IsNullOrEmpty(delimiter) ? "," : delimiter,
            HasHeaderRecord = false,
            BadDataFound = null,
            MissingFieldFound = null,
            IgnoreBlankLines = true,
            DetectColumnCountChanges = false,
        };
        using var reader = new StreamReader(path, CsvSniffer.EncodingNamed(encoding), detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16);
        using var parser = new CsvParser(reader, config);
        while (parser.Read())
        {
            var record = parser.Record;
            if (record is not null && !AllBlank(record))
            {
                yield return record;
            }
        }
    }

    private static IEnumerable<string[]> ReadSheet(string path)
    {
        using var stream = File.OpenRead(path);
        using var reader = ExcelReaderFactory.CreateOpenXmlReader(stream);
        while (reader.Read())
        {
            var row = new string[reader.FieldCount];
            for (var i = 0; i < row.Length; i++)
            {
                row[i] = CellText(reader.GetValue(i));
            }
            if (!AllBlank(row))
            {
                yield return row;
            }
        }
    }

    private static string CellText(object? value) => value switch
    {
        null => "",
        string s => s,
        double d => d.ToString("0.###############", CultureInfo.InvariantCulture),
        DateTime date => date.TimeOfDay == TimeSpan.Zero
            ? date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
            : date.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
        bool b => b ? "true" : "false",
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    private static bool AllBlank(string[] row)
    {
        foreach (var cell in row)
        {
            if (!string.IsNullOrWhiteSpace(cell))
            {
                return false;
            }
        }
        return true;
    }

    private static bool IsZip(string path)
    {
        Span<byte> head = stackalloc byte[4];
        using var stream = File.OpenRead(path);
        return stream.ReadAtLeast(head, 4, throwOnEndOfStream: false) == 4 && head.SequenceEqual("PK\u0003\u0004"u8);
    }

    /// <summary>A row as read, for the report of rejected rows.</summary>
    public static string RawText(string[] row, string? delimiter)
    {
        var text = string.Join(string.IsNullOrEmpty(delimiter) ? ";" : delimiter, row);
        return text.Length <= 2_000 ? text : text[..2_000];
    }
}
