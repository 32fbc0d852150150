using System.Text;
using System.Text.Json;
using Relais.Activities;

namespace Relais.Ladder;

/// <summary>A problem with a level's rules: the condition it concerns (1-based, null for the whole list) and a message key.</summary>
public sealed record LadderRuleError(int? Condition, string MessageKey);

/// <summary>The outcome of reading a level's rules: the conditions, or why they cannot be used.</summary>
public sealed record LadderRulesResult(IReadOnlyList<LadderCondition> Conditions, IReadOnlyList<LadderRuleError> Errors)
{
    public bool IsValid => Errors.Count == 0;
}

/// <summary>
/// Reads and writes a level's rules JSON, strictly: a list of at most <see cref="MaxConditions"/>
/// objects such as <c>{"type":"activity","activity":"Signed","atLeast":1,"withinDays":30}</c>,
/// <c>{"type":"emailConsent"}</c>, <c>{"type":"leadsGroup"}</c> or <c>{"type":"groupMember"}</c>.
/// </summary>
public static class LadderRules
{
    public const int MaxConditions = 10;
    public const int MaxCount = 1_000_000;
    public const int MaxDays = 3_650;

    public static readonly IReadOnlyDictionary<string, LadderConditionType> TypeNames = new Dictionary<string, LadderConditionType>
    {
        ["activity"] = LadderConditionType.Activity,
        ["emailConsent"] = LadderConditionType.EmailConsent,
        ["leadsGroup"] = LadderConditionType.LeadsGroup,
        ["groupMember"] = LadderConditionType.GroupMember,
    };

    public static string NameOf(LadderConditionType type) => TypeNames.First(t => t.Value == type).Key;

    public static LadderRulesResult Parse(string? json)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            return new([], []);
        }
        if (json.Length > LadderLevel.RulesMax)
        {
            return Failed(null, LadderMessages.TooLong);
        }
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException)
        {
            return Failed(null, LadderMessages.NotJson);
        }
        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Array)
            {
                return Failed(null, LadderMessages.NotAList);
            }
            var conditions = new List<LadderCondition>();
            var errors = new List<LadderRuleError>();
            var number = 0;
            foreach (var element in document.RootElement.EnumerateArray())
            {
                number++;
                var condition = ReadCondition(element, number, errors);
                if (condition is not null)
                {
                    conditions.Add(condition);
                }
            }
            errors.AddRange(Validate(conditions).Where(e => e.Condition is null));
            return new(errors.Count == 0 ? conditions : [], errors);
        }
    }

    /// <summary>Problems with conditions built in code or from the form; the same limits as <see cref="Parse"/>.</summary>
    public static IReadOnlyList<LadderRuleError> Validate(IReadOnlyList<LadderCondition> conditions)
    {
        var errors = new List<LadderRuleError>();
        if (conditions.Count > MaxConditions)
        {
            errors.Add(new(null, LadderMessages.TooManyConditions));
        }
        for (var i = 0; i < conditions.Count; i++)
        {
            var c = conditions[i];
            if (!Enum.IsDefined(c.Type))
            {
                errors.Add(new(i + 1, LadderMessages.UnknownType));
                continue;
            }
            if (c.Type != LadderConditionType.Activity)
            {
                continue;
            }
            if (c.Activity is not { } activity || !Enum.IsDefined(activity))
            {
                errors.Add(new(i + 1, LadderMessages.UnknownActivity));
            }
            if (c.AtLeast is < 1 or > MaxCount)
            {
                errors.Add(new(i + 1, LadderMessages.CountOutOfRange));
            }
            if (c.WithinDays is < 1 or > MaxDays)
            {
                errors.Add(new(i + 1, LadderMessages.DaysOutOfRange));
            }
        }
        return errors;
    }

    public static string ToJson(IReadOnlyList<LadderCondition> conditions)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartArray();
            foreach (var c in conditions)
            {
                writer.WriteStartObject();
                writer.WriteString("type", NameOf(c.Type));
                if (c.Type == LadderConditionType.Activity)
                {
                    writer.WriteString("activity", c.Activity!.Value.ToString());
                    writer.WriteNumber("atLeast", c.AtLeast);
                    if (c.WithinDays is { } days)
                    {
                        writer.WriteNumber("withinDays", days);
                    }
                }
                writer.WriteEndObject();
            }
            writer.WriteEndArray();
        }
        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>The rules of a stored level; rules that no longer parse place nobody rather than stop the ladder.</summary>
    public static LadderStep StepOf(LadderLevel level) => new(level.Rank, Parse(level.Rules).Conditions);

    private static LadderCondition? ReadCondition(JsonElement element, int number, List<LadderRuleError> errors)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            errors.Add(new(number, LadderMessages.NotAnObject));
            return null;
        }
        if (!element.TryGetProperty("type", out var typeElement) || typeElement.ValueKind != JsonValueKind.String
            || !TypeNames.TryGetValue(typeElement.GetString()!, out var type))
        {
            errors.Add(new(number, LadderMessages.UnknownType));
            return null;
        }
        string[] allowed = type == LadderConditionType.Activity ? ["type", "activity", "atLeast", "withinDays"] : ["type"];
        if (element.EnumerateObject().Any(p => !allowed.Contains(p.Name)))
        {
            errors.Add(new(number, LadderMessages.UnknownField));
            return null;
        }
        if (type != LadderConditionType.Activity)
        {
            return new LadderCondition(type);
        }
        var before = errors.Count;
        ActivityType? activity = null;
        if (element.TryGetProperty("activity", out var activityElement) && activityElement.ValueKind == JsonValueKind.String
            && Enum.TryParse<ActivityType>(activityElement.GetString(), ignoreCase: false, out var parsed)
            && Enum.IsDefined(parsed) && !int.TryParse(activityElement.GetString(), out _))
        {
            activity = parsed;
        }
        else
        {
            errors.Add(new(number, LadderMessages.UnknownActivity));
        }
        var atLeast = 1;
        if (element.TryGetProperty("atLeast", out var countElement)
            && !(countElement.TryGetInt32Strict(out atLeast) && atLeast is >= 1 and <= MaxCount))
        {
            errors.Add(new(number, LadderMessages.CountOutOfRange));
        }
        int? withinDays = null;
        if (element.TryGetProperty("withinDays", out var daysElement) && daysElement.ValueKind != JsonValueKind.Null)
        {
            if (daysElement.TryGetInt32Strict(out var days) && days is >= 1 and <= MaxDays)
            {
                withinDays = days;
            }
            else
            {
                errors.Add(new(number, LadderMessages.DaysOutOfRange));
            }
        }
        return errors.Count == before ? LadderCondition.Did(activity!.Value, atLeast, withinDays) : null;
    }

    private static bool TryGetInt32Strict(this JsonElement element, out int value)
    {
        value = 0;
        return element.ValueKind == JsonValueKind.Number && element.TryGetInt32(out value);
    }

    private static LadderRulesResult Failed(int? condition, string message) => new([], [new(condition, message)]);
}

/// <summary>Message keys (English sentences the web layer translates) for rules that cannot be used.</summary>
public static class LadderMessages
{
    public const string NotJson = "The rules are not valid JSON.";
    public const string TooLong = "The rules are too long.";
    public const string NotAList = "The rules must be a list of conditions.";
    public const string NotAnObject = "Each condition must be an object.";
    public const string TooManyConditions = "A level has at most 10 conditions.";
    public const string UnknownType = "Unknown condition type.";
    public const string UnknownField = "This condition has a field it does not use.";
    public const string UnknownActivity = "Choose a known activity type.";
    public const string CountOutOfRange = "The count must be a whole number between 1 and 1,000,000.";
    public const string DaysOutOfRange = "The number of days must be a whole number between 1 and 3,650, or empty.";
    public const string NameRequired = "Each level needs a name in French and in English.";
    public const string NameTooLong = "A level name is at most 100 characters.";
    public const string DescriptionTooLong = "A description is at most 1,000 characters.";
    public const string UnknownLevel = "This level does not exist.";
}
