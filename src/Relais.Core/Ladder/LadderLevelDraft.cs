using System.Globalization;
using Relais.Activities;

namespace Relais.Ladder;

/// <summary>A ladder level as an organizer edits it: names, descriptions and rows of conditions.</summary>
public sealed class LadderLevelDraft
{
    public int Rank { get; set; }
    public string? NameFr { get; set; }
    public string? NameEn { get; set; }
    public string? DescriptionFr { get; set; }
    public string? DescriptionEn { get; set; }
    public List<LadderConditionDraft> Conditions { get; set; } = [];

    public static LadderLevelDraft From(LadderLevel level) => new()
    {
        Rank = level.Rank,
        NameFr = level.NameFr,
        NameEn = level.NameEn,
        DescriptionFr = level.DescriptionFr,
        DescriptionEn = level.DescriptionEn,
        Conditions = LadderRules.Parse(level.Rules).Conditions.Select(LadderConditionDraft.From).ToList(),
    };

    /// <summary>The conditions of the filled rows (a row without a type is left out), or the problems with them.</summary>
    public LadderRulesResult Read()
    {
        var conditions = new List<LadderCondition>();
        var errors = new List<LadderRuleError>();
        if (string.IsNullOrWhiteSpace(NameFr) || string.IsNullOrWhiteSpace(NameEn))
        {
            errors.Add(new(null, LadderMessages.NameRequired));
        }
        if (NameFr?.Trim().Length > LadderLevel.NameMax || NameEn?.Trim().Length > LadderLevel.NameMax)
        {
            errors.Add(new(null, LadderMessages.NameTooLong));
        }
        if (DescriptionFr?.Trim().Length > LadderLevel.DescriptionMax || DescriptionEn?.Trim().Length > LadderLevel.DescriptionMax)
        {
            errors.Add(new(null, LadderMessages.DescriptionTooLong));
        }
        var number = 0;
        foreach (var row in Conditions.Where(c => !string.IsNullOrWhiteSpace(c.Type)))
        {
            number++;
            var condition = row.Read(number, errors);
            if (condition is not null)
            {
                conditions.Add(condition);
            }
        }
        errors.AddRange(LadderRules.Validate(conditions).Where(e => e.Condition is null));
        return new(errors.Count == 0 ? conditions : [], errors);
    }

    /// <summary>Copies a draft whose <see cref="Read"/> succeeded; true when the rules changed.</summary>
    public bool ApplyTo(LadderLevel level, IReadOnlyList<LadderCondition> conditions)
    {
        level.NameFr = NameFr!.Trim();
        level.NameEn = NameEn!.Trim();
        level.DescriptionFr = DescriptionFr?.Trim() ?? "";
        level.DescriptionEn = DescriptionEn?.Trim() ?? "";
        var rules = LadderRules.ToJson(conditions);
        var changed = rules != LadderRules.ToJson(LadderRules.Parse(level.Rules).Conditions);
        level.Rules = rules;
        return changed;
    }
}

/// <summary>One row of the conditions form, as typed: everything is text until checked.</summary>
public sealed class LadderConditionDraft
{
    public string? Type { get; set; }
    public string? Activity { get; set; }
    public string? AtLeast { get; set; }
    public string? WithinDays { get; set; }

    public static LadderConditionDraft From(LadderCondition condition) => new()
    {
        Type = LadderRules.NameOf(condition.Type),
        Activity = condition.Activity?.ToString(),
        AtLeast = condition.Type == LadderConditionType.Activity ? condition.AtLeast.ToString(CultureInfo.InvariantCulture) : null,
        WithinDays = condition.WithinDays?.ToString(CultureInfo.InvariantCulture),
    };

    internal LadderCondition? Read(int number, List<LadderRuleError> errors)
    {
        if (!LadderRules.TypeNames.TryGetValue(Type!.Trim(), out var type))
        {
            errors.Add(new(number, LadderMessages.UnknownType));
            return null;
        }
        if (type != LadderConditionType.Activity)
        {
            return new LadderCondition(type);
        }
        var before = errors.Count;
        if (!Enum.TryParse<ActivityType>(Activity, ignoreCase: false, out var activity) || !Enum.IsDefined(activity)
            || int.TryParse(Activity, out _))
        {
            errors.Add(new(number, LadderMessages.UnknownActivity));
        }
        var atLeast = 1;
        if (!string.IsNullOrWhiteSpace(AtLeast)
            && !(int.TryParse(AtLeast.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out atLeast) && atLeast is >= 1 and <= LadderRules.MaxCount))
        {
            errors.Add(new(number, LadderMessages.CountOutOfRange));
        }
        int? withinDays = null;
        if (!string.IsNullOrWhiteSpace(WithinDays))
        {
            if (int.TryParse(WithinDays.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var days) && days is >= 1 and <= LadderRules.MaxDays)
            {
                withinDays = days;
            }
            else
            {
                errors.Add(new(number, LadderMessages.DaysOutOfRange));
            }
        }
        return errors.Count == before ? LadderCondition.Did(activity, atLeast, withinDays) : null;
    }
}
