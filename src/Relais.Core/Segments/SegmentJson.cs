using System.Globalization;
using System.Text;
using System.Text.Json;
using static Relais.Segments.SegmentParser;

namespace Relais.Segments;

/// <summary>
/// Writes a definition back as the fields it was read from: the stored JSON, and the builder's
/// rows when a saved segment is opened again. <see cref="SegmentParser"/> reads both.
/// </summary>
public static class SegmentJson
{
    public static string Write(SegmentDefinition definition)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("match", definition.Match == SegmentMatch.Any ? "any" : "all");
            json.WriteStartArray("conditions");
            foreach (var condition in definition.Conditions)
            {
                json.WriteStartObject();
                foreach (var (name, values) in Fields(condition))
                {
                    if (name == CountriesField)
                    {
                        json.WriteStartArray(name);
                        values.ForEach(json.WriteStringValue);
                        json.WriteEndArray();
                    }
                    else if (name == Not)
                    {
                        json.WriteBoolean(name, values[0] == "true");
                    }
                    else
                    {
                        json.WriteString(name, values[0]);
                    }
                }
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>The condition's fields by name, as the builder's form posts them.</summary>
    public static Dictionary<string, List<string>> Fields(SegmentCondition condition)
    {
        var fields = new Dictionary<string, List<string>>(StringComparer.Ordinal) { [Kind] = [KindNames[condition.Kind]] };
        void Set(string name, string? value)
        {
            if (value is not null)
            {
                fields[name] = [value];
            }
        }
        if (condition.Negate)
        {
            Set(Not, "true");
        }
        static string? Day(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        switch (condition.Kind)
        {
            case ConditionKind.TookAction:
                Set(ActionField, condition.Id?.ToString("D"));
                Set(From, Day(condition.From));
                Set(To, Day(condition.To));
                break;
            case ConditionKind.TookActivityType:
                Set(TypeField, condition.ActivityType?.ToString());
                Set(From, Day(condition.From));
                Set(To, Day(condition.To));
                break;
            case ConditionKind.LadderRank:
                Set(Op, ComparisonNames[condition.Comparison]);
                Set(RankField, condition.Rank?.ToString(CultureInfo.InvariantCulture));
                break;
            case ConditionKind.Tag:
                Set(TagField, condition.Id?.ToString("D"));
                break;
            case ConditionKind.Group:
                Set(GroupField, condition.Id?.ToString("D"));
                Set(Role, condition.LeadersOnly ? "leader" : "any");
                break;
            case ConditionKind.Channel:
                Set(ChannelField, condition.Id?.ToString("D"));
                break;
            case ConditionKind.Country:
                fields[CountriesField] = [.. condition.Countries];
                break;
            case ConditionKind.PostalCodePrefix:
                Set(Prefix, condition.PostalCodePrefix);
                break;
            case ConditionKind.Language:
                Set(LanguageField, condition.Language);
                break;
            case ConditionKind.ActiveWithin:
                Set(DaysField, condition.Days?.ToString(CultureInfo.InvariantCulture));
                break;
            case ConditionKind.ActiveBefore:
                Set(BeforeField, Day(condition.Before));
                break;
            case ConditionKind.EmailConsent:
                break;
        }
        return fields;
    }
}
