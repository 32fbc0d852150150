using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.Extensions.Localization;
using Relais.Activities;
using Relais.Segments;

namespace Relais.Web.Segments;

/// <summary>One row of the builder; <see cref="Index"/> is "__i__" in the templates the script clones.</summary>
public sealed record ConditionRowView(
    string Index, ConditionKind Kind, IReadOnlyDictionary<string, List<string>> Fields, IReadOnlyList<string> Errors, SegmentOptions Options, string Action)
{
    public const string TemplateIndex = "__i__";

    public string Name(string field) => $"c[{Index}].{field}";

    public string Id(string field) => $"c-{Index}-{field}";

    public string? One(string field) => Fields.TryGetValue(field, out var values) ? values.FirstOrDefault() : null;

    public IHtmlContent Select(string field, IEnumerable<SegmentOption> options, string? placeholder = null, bool multiple = false)
    {
        var select = new TagBuilder("select");
        select.Attributes["id"] = Id(field);
        select.Attributes["name"] = Name(field);
        if (multiple)
        {
            select.Attributes["multiple"] = "multiple";
            select.Attributes["size"] = "6";
        }
        if (Errors.Count > 0)
        {
            select.Attributes["aria-invalid"] = "true";
            select.Attributes["aria-describedby"] = Id("errors");
        }
        var chosen = Fields.TryGetValue(field, out var values) ? values : [];
        if (placeholder is not null)
        {
            var empty = new TagBuilder("option");
            empty.Attributes["value"] = "";
            empty.InnerHtml.Append(placeholder);
            select.InnerHtml.AppendHtml(empty);
        }
        foreach (var option in options)
        {
            var tag = new TagBuilder("option");
            tag.Attributes["value"] = option.Value;
            if (chosen.Contains(option.Value, StringComparer.OrdinalIgnoreCase))
            {
                tag.Attributes["selected"] = "selected";
            }
            tag.InnerHtml.Append(option.Label);
            select.InnerHtml.AppendHtml(tag);
        }
        return select;
    }

    public static string KindLabel(IStringLocalizer l, ConditionKind kind) => kind switch
    {
        ConditionKind.TookAction => l["Took an action"],
        ConditionKind.TookActivityType => l["Did something of a kind"],
        ConditionKind.LadderRank => l["Ladder level"],
        ConditionKind.Tag => l["Has a tag"],
        ConditionKind.Group => l["In a local group"],
        ConditionKind.Channel => l["In a channel"],
        ConditionKind.Country => l["Country"],
        ConditionKind.PostalCodePrefix => l["Postal code starts with"],
        ConditionKind.Language => l["Language"],
        ConditionKind.EmailConsent => l["Agreed to email updates"],
        ConditionKind.ActiveWithin => l["Active in the last days"],
        _ => l["Last active before"],
    };

    public static IEnumerable<SegmentOption> ActivityTypes(IStringLocalizer l) =>
        Enum.GetValues<ActivityType>().Select(t => new SegmentOption(t.ToString(), l[ActivityLabel(t)]));

    private static string ActivityLabel(ActivityType type) => type switch
    {
        ActivityType.Signed => "Signed",
        ActivityType.Donated => "Donated",
        ActivityType.Pledged => "Pledged",
        ActivityType.Rsvped => "Replied to an event",
        ActivityType.Attended => "Attended",
        ActivityType.Hosted => "Hosted",
        ActivityType.Shared => "Shared",
        ActivityType.Referred => "Referred someone",
        ActivityType.Submitted => "Submitted",
        ActivityType.Subscribed => "Subscribed",
        ActivityType.Unsubscribed => "Unsubscribed",
        ActivityType.Opened => "Opened an email",
        _ => "Clicked in an email",
    };
}
