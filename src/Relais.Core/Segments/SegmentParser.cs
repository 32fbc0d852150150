using System.Globalization;
using System.Text.Json;
using Relais.Activities;
using Relais.Organizations;
using Relais.Supporters;

namespace Relais.Segments;

/// <summary>The result of reading a segment: a definition, or the reasons there is none.</summary>
public sealed record SegmentParse(SegmentDefinition? Definition, IReadOnlyList<SegmentError> Errors)
{
    public bool IsValid => Definition is not null && Errors.Count == 0;
}

/// <summary>
/// Reads segment conditions strictly, from the builder's form fields or from the stored JSON, which
/// share the same field names. A field the condition does not take, an unknown kind or a value out
/// of range is an error, never silently dropped: a segment that quietly widens could mail the wrong people.
/// </summary>
public static class SegmentParser
{
    public const string Kind = "kind";
    public const string Not = "not";
    public const string ActionField = "action";
    public const string TypeField = "type";
    public const string From = "from";
    public const string To = "to";
    public const string Op = "op";
    public const string RankField = "rank";
    public const string TagField = "tag";
    public const string GroupField = "group";
    public const string Role = "role";
    public const string ChannelField = "channel";
    public const string CountriesField = "countries";
    public const string Prefix = "prefix";
    public const string LanguageField = "language";
    public const string DaysField = "days";
    public const string BeforeField = "before";

    public const int PostalCodePrefixMax = 10;
    public const int DaysMax = 36_500;
    public const int RankMax = 99;
    public const int CountriesMax = 60;

    /// <summary>The kinds as written in forms and JSON.</summary>
    public static IReadOnlyDictionary<ConditionKind, string> KindNames { get; } = new Dictionary<ConditionKind, string>
    {
        [ConditionKind.TookAction] = "took-action",
        [ConditionKind.TookActivityType] = "took-type",
        [ConditionKind.LadderRank] = "ladder",
        [ConditionKind.Tag] = "tag",
        [ConditionKind.Group] = "group",
        [ConditionKind.Channel] = "channel",
        [ConditionKind.Country] = "country",
        [ConditionKind.PostalCodePrefix] = "postal-code",
        [ConditionKind.Language] = "language",
        [ConditionKind.EmailConsent] = "email-consent",
        [ConditionKind.ActiveWithin] = "active-within",
        [ConditionKind.ActiveBefore] = "active-before",
    };

    /// <summary>The fields each kind takes besides "kind" and "not".</summary>
    public static IReadOnlyDictionary<ConditionKind, string[]> FieldsOf { get; } = new Dictionary<ConditionKind, string[]>
    {
        [ConditionKind.TookAction] = [ActionField, From, To],
        [ConditionKind.TookActivityType] = [TypeField, From, To],
        [ConditionKind.LadderRank] = [Op, RankField],
        [ConditionKind.Tag] = [TagField],
        [ConditionKind.Group] = [GroupField, Role],
        [ConditionKind.Channel] = [ChannelField],
        [ConditionKind.Country] = [CountriesField],
        [ConditionKind.PostalCodePrefix] = [Prefix],
        [ConditionKind.Language] = [LanguageField],
        [ConditionKind.EmailConsent] = [],
        [ConditionKind.ActiveWithin] = [DaysField],
        [ConditionKind.ActiveBefore] = [BeforeField],
    };

    public static readonly IReadOnlyDictionary<RankComparison, string> ComparisonNames = new Dictionary<RankComparison, string>
    {
        [RankComparison.Equal] = "eq",
        [RankComparison.AtLeast] = "gte",
        [RankComparison.AtMost] = "lte",
    };

    public static bool TryKind(string? name, out ConditionKind kind)
    {
        foreach (var (k, n) in KindNames)
        {
            if (n == name)
            {
                kind = k;
                return true;
            }
        }
        kind = default;
        return false;
    }

    /// <summary>Reads the rows of a form: each row maps field names to the values posted for them.</summary>
    public static SegmentParse Parse(string? match, IReadOnlyList<IReadOnlyDictionary<string, IReadOnlyList<string>>> rows)
    {
        var errors = new List<SegmentError>();
        SegmentMatch parsedMatch;
        switch (match?.Trim().ToLowerInvariant())
        {
            case "all" or null or "":
                parsedMatch = SegmentMatch.All;
                break;
            case "any":
                parsedMatch = SegmentMatch.Any;
                break;
            default:
                errors.Add(new SegmentError(null, SegmentErrorMessages.UnknownMatch));
                parsedMatch = SegmentMatch.All;
                break;
        }
        if (rows.Count > SegmentDefinition.MaxConditions)
        {
            errors.Add(new SegmentError(null, SegmentErrorMessages.TooManyConditions, SegmentDefinition.MaxConditions));
            return new SegmentParse(null, errors);
        }
        var conditions = new List<SegmentCondition>(rows.Count);
        for (var i = 0; i < rows.Count; i++)
        {
            var before = errors.Count;
            var condition = ParseCondition(new Row(i, rows[i], errors));
            if (condition is not null && errors.Count == before)
            {
                conditions.Add(condition);
            }
        }
        return errors.Count == 0 ? new SegmentParse(new SegmentDefinition(parsedMatch, conditions), errors) : new SegmentParse(null, errors);
    }

    /// <summary>Reads a stored definition: {"match":"all","conditions":[{"kind":"tag","tag":"…"}]}.</summary>
    public static SegmentParse ParseJson(string json)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return Malformed();
            }
            string? match = null;
            var rows = new List<IReadOnlyDictionary<string, IReadOnlyList<string>>>();
            foreach (var property in root.EnumerateObject())
            {
                switch (property.Name)
                {
                    case "match" when property.Value.ValueKind == JsonValueKind.String:
                        match = property.Value.GetString();
                        break;
                    case "conditions" when property.Value.ValueKind == JsonValueKind.Array:
                        foreach (var item in property.Value.EnumerateArray())
                        {
                            if (item.ValueKind != JsonValueKind.Object || ReadRow(item) is not { } row)
                            {
                                return Malformed();
                            }
                            rows.Add(row);
                        }
                        break;
                    default:
                        return Malformed();
                }
            }
            return Parse(match, rows);
        }
        catch (JsonException)
        {
            return Malformed();
        }
    }

    private static SegmentParse Malformed() => new(null, [new SegmentError(null, SegmentErrorMessages.MalformedJson)]);

    private static Dictionary<string, IReadOnlyList<string>>? ReadRow(JsonElement item)
    {
        var row = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var property in item.EnumerateObject())
        {
            var values = new List<string>();
            if (property.Value.ValueKind == JsonValueKind.Array)
            {
                foreach (var value in property.Value.EnumerateArray())
                {
                    if (Scalar(value) is not { } text)
                    {
                        return null;
                    }
                    values.Add(text);
                }
            }
            else if (Scalar(property.Value) is { } text)
            {
                values.Add(text);
            }
            else
            {
                return null;
            }
            if (!row.TryAdd(property.Name, values))
            {
                return null;
            }
        }
        return row;
    }

    private static string? Scalar(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString(),
        JsonValueKind.Number => value.GetRawText(),
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        _ => null,
    };

    private static SegmentCondition? ParseCondition(Row row)
    {
        if (!TryKind(row.One(Kind), out var kind))
        {
            row.Error(SegmentErrorMessages.UnknownKind);
            return null;
        }
        foreach (var (name, values) in row.Fields)
        {
            if (name is not (Kind or Not) && !FieldsOf[kind].Contains(name) && values.Any(v => !string.IsNullOrWhiteSpace(v)))
            {
                row.Error(SegmentErrorMessages.UnexpectedField, name);
            }
        }
        var negate = row.One(Not) switch
        {
            null or "" or "false" => false,
            "true" or "on" => true,
            _ => row.Fail<bool>(SegmentErrorMessages.InvalidNegation),
        };
        var condition = new SegmentCondition { Kind = kind, Negate = negate };
        switch (kind)
        {
            case ConditionKind.TookAction:
                return CheckPeriod(row, condition with { Id = row.Guid(ActionField, SegmentErrorMessages.ChooseAction), From = row.Date(From), To = row.Date(To) });
            case ConditionKind.TookActivityType:
                var type = Enum.TryParse<ActivityType>(row.One(TypeField), ignoreCase: false, out var t) && Enum.IsDefined(t) && !int.TryParse(row.One(TypeField), out _)
                    ? t
                    : row.Fail<ActivityType?>(SegmentErrorMessages.ChooseActivityType);
                return CheckPeriod(row, condition with { ActivityType = type, From = row.Date(From), To = row.Date(To) });
            case ConditionKind.LadderRank:
                var comparison = ComparisonNames.FirstOrDefault(c => c.Value == row.One(Op)) is { Value: not null } found
                    ? found.Key
                    : row.Fail<RankComparison>(SegmentErrorMessages.InvalidComparison);
                return condition with { Comparison = comparison, Rank = row.Number(RankField, 0, RankMax, SegmentErrorMessages.InvalidRank) };
            case ConditionKind.Tag:
                return condition with { Id = row.Guid(TagField, SegmentErrorMessages.ChooseTag) };
            case ConditionKind.Group:
                var leaders = row.One(Role) switch
                {
                    null or "" or "any" => false,
                    "leader" => true,
                    _ => row.Fail<bool>(SegmentErrorMessages.InvalidRole),
                };
                return condition with { Id = row.Guid(GroupField, SegmentErrorMessages.ChooseGroup), LeadersOnly = leaders };
            case ConditionKind.Channel:
                return condition with { Id = row.Guid(ChannelField, SegmentErrorMessages.ChooseChannel) };
            case ConditionKind.Country:
                var codes = row.All(CountriesField).Select(c => c.Trim().ToUpperInvariant()).Where(c => c.Length > 0).Distinct().ToList();
                if (codes.Count == 0 || codes.Count > CountriesMax)
                {
                    row.Error(SegmentErrorMessages.ChooseCountries);
                }
                foreach (var code in codes.Where(c => !Countries.IsKnown(c)))
                {
                    row.Error(SegmentErrorMessages.UnknownCountry, code);
                }
                return condition with { Countries = codes };
            case ConditionKind.PostalCodePrefix:
                var prefix = NormalizePostalCode(row.One(Prefix));
                if (prefix.Length is 0 or > PostalCodePrefixMax || !prefix.All(c => char.IsAsciiLetterOrDigit(c) || c is ' ' or '-'))
                {
                    row.Error(SegmentErrorMessages.InvalidPostalCodePrefix, PostalCodePrefixMax);
                }
                return condition with { PostalCodePrefix = prefix };
            case ConditionKind.Language:
                var language = row.One(LanguageField);
                return condition with { Language = Languages.IsSupported(language) ? language : row.Fail<string?>(SegmentErrorMessages.InvalidLanguage) };
            case ConditionKind.EmailConsent:
                return condition;
            case ConditionKind.ActiveWithin:
                return condition with { Days = row.Number(DaysField, 1, DaysMax, SegmentErrorMessages.InvalidDays, DaysMax) };
            case ConditionKind.ActiveBefore:
                var before = row.Date(BeforeField);
                if (before is null && row.Errors.Count == row.ErrorsBefore)
                {
                    row.Error(SegmentErrorMessages.ChooseDate);
                }
                return condition with { Before = before };
            default:
                row.Error(SegmentErrorMessages.UnknownKind);
                return null;
        }
    }

    /// <summary>Postal codes as supporters type them vary in case and spacing; prefixes compare upper-cased and trimmed.</summary>
    public static string NormalizePostalCode(string? value) => (value ?? "").Trim().ToUpperInvariant();

    private static SegmentCondition CheckPeriod(Row row, SegmentCondition condition)
    {
        if (condition.From is { } from && condition.To is { } to && to < from)
        {
            row.Error(SegmentErrorMessages.PeriodReversed);
        }
        return condition;
    }

    private sealed class Row(int index, IReadOnlyDictionary<string, IReadOnlyList<string>> fields, List<SegmentError> errors)
    {
        public IReadOnlyDictionary<string, IReadOnlyList<string>> Fields => fields;
        public List<SegmentError> Errors => errors;
        public int ErrorsBefore { get; } = errors.Count;

        public string? One(string name) =>
            fields.TryGetValue(name, out var values) ? values.Select(v => v.Trim()).FirstOrDefault(v => v.Length > 0) : null;

        public IReadOnlyList<string> All(string name) => fields.TryGetValue(name, out var values) ? values : [];

        public void Error(string message, params object[] args)
        {
            if (!errors.Any(e => e.Row == index && e.Message == message))
            {
                errors.Add(new SegmentError(index, message, args));
            }
        }

        public T Fail<T>(string message)
        {
            Error(message);
            return default!;
        }

        public Guid? Guid(string name, string missing)
        {
            if (System.Guid.TryParseExact(One(name), "D", out var id) && id != System.Guid.Empty)
            {
                return id;
            }
            Error(missing);
            return null;
        }

        public DateOnly? Date(string name)
        {
            var text = One(name);
            if (text is null)
            {
                return null;
            }
            if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                return date;
            }
            Error(SegmentErrorMessages.InvalidDate);
            return null;
        }

        public int? Number(string name, int min, int max, string message, params object[] args)
        {
            if (int.TryParse(One(name), NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max)
            {
                return value;
            }
            Error(message, args);
            return null;
        }
    }
}
