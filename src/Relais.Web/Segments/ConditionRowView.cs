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

    public static string KindLabel(IStringLocalizer localizer, ConditionKind kind) => kind switch
    {
        ConditionKind.TookAction => localizer["Took an action"],
        ConditionKind.TookActivityType => localizer["Did something of a kind"],
        ConditionKind.LadderRank => localizer["Ladder level"],
        ConditionKind.Tag => localizer["Has a tag"],
        ConditionKind.Group => localizer["In a local group"],
        ConditionKind.Channel => localizer["In a channel"],
        ConditionKind.Country => localizer["Country"],
        ConditionKind.PostalCodePrefix => localizer["Postal code starts with"],
        ConditionKind.Language => localizer["Language"],
        ConditionKind.EmailConsent => localizer["Agreed to email updates"],
        ConditionKind.ActiveWithin => localizer["Active in the last days"],
        _ => localizer["Last active before"],
    };

    public static IEnumerable<SegmentOption> ActivityTypes(IStringLocalizer localizer) =>
        Enum.GetValues<ActivityType>().Select(t => new SegmentOption(t.ToString(), t switch
        {
            ActivityType.Signed => localizer["Signed"],
            ActivityType.Donated => localizer["Donated"],
            ActivityType.Pledged => localizer["Pledged"],
            ActivityType.Rsvped => localizer["Replied to an event"],
            ActivityType.Attended => localizer["Attended"],
            ActivityType.Hosted => localizer["Hosted"],
            ActivityType.Shared => localizer["Shared"],
            ActivityType.Referred => localizer["Referred someone"],
            ActivityType.Submitted => localizer["Submitted"],
            ActivityType.Subscribed => localizer["Subscribed"],
            ActivityType.Unsubscribed => localizer["Unsubscribed"],
            ActivityType.Opened => localizer["Opened an email"],
            _ => localizer["Clicked in an email"],
        }));
}
