using System.Globalization;
using System.Text;

namespace Relais.Drives;

/// <summary>An opening time range within one day.</summary>
public readonly record struct OpenRange(TimeOnly From, TimeOnly To)
{
    public override string ToString() =>
        From.ToString("HH:mm", CultureInfo.InvariantCulture) + "-" + To.ToString("HH:mm", CultureInfo.InvariantCulture);
}

/// <summary>
/// A drop-off point's opening hours per weekday, stored as one line per open day
/// ("Mon 09:00-12:00 14:00-18:00") so that a pledge date can be checked against them.
/// </summary>
public sealed class WeeklyHours
{
    public const int DayTextMax = 60;

    private static readonly string[] DayNames = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];

    private readonly IReadOnlyList<OpenRange>[] _days;

    private WeeklyHours(IReadOnlyList<OpenRange>[] days) => _days = days;

    public static WeeklyHours Closed { get; } = new(Enumerable.Range(0, 7).Select(_ => (IReadOnlyList<OpenRange>)[]).ToArray());

    /// <summary>The weekdays in display order, Monday first.</summary>
    public static IReadOnlyList<DayOfWeek> Week { get; } =
        [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday, DayOfWeek.Saturday, DayOfWeek.Sunday];

    public IReadOnlyList<OpenRange> On(DayOfWeek day) => _days[(int)day];

    public bool IsOpenOn(DateOnly date) => _days[(int)date.DayOfWeek].Count > 0;

    public bool IsEmpty => _days.All(d => d.Count == 0);

    /// <summary>Builds the hours from what an organizer typed for each day ("09:00-12:00, 14:00-18:00", empty = closed); false with the bad day when one does not read.</summary>
    public static bool TryFrom(IReadOnlyDictionary<DayOfWeek, string?> typed, out WeeklyHours hours, out DayOfWeek badDay)
    {
        var days = new IReadOnlyList<OpenRange>[7];
        foreach (var day in Enum.GetValues<DayOfWeek>())
        {
            if (!TryParseDay(typed.GetValueOrDefault(day), out var ranges))
            {
                hours = Closed;
                badDay = day;
                return false;
            }
            days[(int)day] = ranges;
        }
        hours = new WeeklyHours(days);
        badDay = default;
        return true;
    }

    /// <summary>Reads one day's ranges: "HH:mm-HH:mm" separated by commas or spaces, each ending after it starts, not overlapping.</summary>
    public static bool TryParseDay(string? text, out IReadOnlyList<OpenRange> ranges)
    {
        ranges = [];
        if (string.IsNullOrWhiteSpace(text))
        {
            return true;
        }
        if (text.Length > DayTextMax)
        {
            return false;
        }
        var list = new List<OpenRange>();
        foreach (var part in text.Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var bounds = part.Replace('–', '-').Split('-');
            if (bounds.Length != 2
                || !TryTime(bounds[0], out var from) || !TryTime(bounds[1], out var to) || to <= from
                || list.Count > 0 && from < list[^1].To)
            {
                return false;
            }
            list.Add(new OpenRange(from, to));
        }
        ranges = list;
        return true;
    }

    private static bool TryTime(string text, out TimeOnly time) =>
        TimeOnly.TryParseExact(text.Trim().Replace('h', ':'), ["H:mm", "HH:mm", "H:", "HH:", "%H", "HH"], CultureInfo.InvariantCulture, DateTimeStyles.None, out time);

    /// <summary>One day's ranges as an organizer types them.</summary>
    public string DayText(DayOfWeek day) => string.Join(", ", _days[(int)day]);

    public override string ToString()
    {
        var text = new StringBuilder();
        foreach (var day in Week)
        {
            if (_days[(int)day].Count > 0)
            {
                text.Append(DayNames[(int)day]).Append(' ').AppendJoin(' ', _days[(int)day]).Append('\n');
            }
        }
        return text.ToString().TrimEnd('\n');
    }

    /// <summary>Reads what <see cref="ToString"/> wrote; anything unreadable counts as closed.</summary>
    public static WeeklyHours Parse(string? stored)
    {
        var days = Enumerable.Range(0, 7).Select(_ => (IReadOnlyList<OpenRange>)[]).ToArray();
        foreach (var line in (stored ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var space = line.IndexOf(' ');
            var index = space < 0 ? -1 : Array.IndexOf(DayNames, line[..space]);
            if (index >= 0 && TryParseDay(line[(space + 1)..], out var ranges))
            {
                days[index] = ranges;
            }
        }
        return new WeeklyHours(days);
    }
}
