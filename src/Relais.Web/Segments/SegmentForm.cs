using System.Text.RegularExpressions;
using Relais.Data;
using Relais.Segments;

namespace Relais.Web.Segments;

/// <summary>
/// The builder's form as posted: a name, "all" or "any", and rows of fields named
/// <c>c[3].tag</c>. Rows keep their order and are numbered again from 0, so rows added or
/// removed in the browser need no renumbering.
/// </summary>
public sealed partial class SegmentForm
{
    public const string NameField = "name";
    public const string MatchField = "match";

    [GeneratedRegex(@"^c\[(\d{1,4})\]\.([a-z]{1,20})$")]
    private static partial Regex FieldPattern();

    public string Name { get; init; } = "";
    public string Match { get; init; } = "all";
    public List<Dictionary<string, List<string>>> Rows { get; init; } = [];

    /// <summary>The errors of the last <see cref="CheckAsync"/>, by row index (null: the whole segment).</summary>
    public IReadOnlyList<SegmentError> Errors { get; private set; } = [];

    public static SegmentForm Read(IFormCollection form)
    {
        var rows = new SortedDictionary<int, Dictionary<string, List<string>>>();
        foreach (var (key, values) in form)
        {
            var match = FieldPattern().Match(key);
            if (!match.Success)
            {
                continue;
            }
            var index = int.Parse(match.Groups[1].ValueSpan, provider: System.Globalization.CultureInfo.InvariantCulture);
            if (!rows.TryGetValue(index, out var row))
            {
                rows[index] = row = new Dictionary<string, List<string>>(StringComparer.Ordinal);
            }
            row[match.Groups[2].Value] = values.Where(v => v is not null).Select(v => v!).ToList();
        }
        return new SegmentForm
        {
            Name = form[NameField].ToString().Trim(),
            Match = form[MatchField].ToString() is { Length: > 0 } m ? m : "all",
            Rows = [.. rows.Values],
        };
    }

    public static SegmentForm From(string name, SegmentDefinition definition) => new()
    {
        Name = name,
        Match = definition.Match == SegmentMatch.Any ? "any" : "all",
        Rows = [.. definition.Conditions.Select(SegmentJson.Fields)],
    };

    /// <summary>Parses the rows and checks that what they name belongs to the organization.</summary>
    public async Task<SegmentDefinition?> CheckAsync(RelaisDb db, Guid organizationId, CancellationToken ct)
    {
        var parse = SegmentParser.Parse(Match, [.. Rows.Select(r => (IReadOnlyDictionary<string, IReadOnlyList<string>>)r.ToDictionary(f => f.Key, f => (IReadOnlyList<string>)f.Value))]);
        if (parse.Definition is not { } definition)
        {
            Errors = parse.Errors;
            return null;
        }
        Errors = await SegmentReferences.CheckAsync(db, organizationId, definition, ct);
        return Errors.Count == 0 ? definition : null;
    }

    public IEnumerable<SegmentError> ErrorsOf(int? row) => Errors.Where(e => e.Row == row);
}
