using System.Globalization;
using Relais.Contests;
using Relais.Giving;
using Relais.Petitions;
using Relais.Supporters;

namespace Relais.Web.Pages.Admin.Contests;

/// <summary>A contest as the organizer's form holds it; times are typed in UTC.</summary>
public sealed record ContestDraft
{
    public const string Format = "yyyy-MM-ddTHH:mm";
    public const string BadDate = Relais.Contests.ContestMessages.BadDate;
    public const string SlugInvalid = Relais.Contests.ContestMessages.SlugInvalid;

    public string? Title { get; init; }
    public string? Slug { get; init; }
    public string Currency { get; init; } = Currencies.Default;
    public ContestEntryKind EntryKind { get; init; } = ContestEntryKind.Fundraisers;
    public string? StartsAt { get; init; }
    public string? EndsAt { get; init; }
    public string? BonusStartsAt { get; init; }
    public string? BonusEndsAt { get; init; }

    public static ContestDraft From(Contest contest) => new()
    {
        Title = contest.Title,
        Slug = contest.Slug,
        Currency = contest.Currency,
        EntryKind = contest.EntryKind,
        StartsAt = Text(contest.StartsAt),
        EndsAt = Text(contest.EndsAt),
        BonusStartsAt = contest.BonusStartsAt is { } b ? Text(b) : null,
        BonusEndsAt = contest.BonusEndsAt is { } e ? Text(e) : null,
    };

    public static string Text(DateTimeOffset at) => at.UtcDateTime.ToString(Format, CultureInfo.InvariantCulture);

    public IReadOnlyList<FormError> Validate(out ContestPeriod period)
    {
        var errors = new List<FormError>();
        FormRules.Text(errors, nameof(Title), Title, 200, required: true);
        var slug = Slug?.Trim() ?? "";
        if (slug.Length is 0 or > 80 || slug.Any(c => !(char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-')))
        {
            errors.Add(new(nameof(Slug), SlugInvalid));
        }
        if (!Currencies.IsKnown(Currency))
        {
            errors.Add(new(nameof(Currency), FormMessages.Required));
        }
        var starts = Parse(errors, nameof(StartsAt), StartsAt, required: true);
        var ends = Parse(errors, nameof(EndsAt), EndsAt, required: true);
        var bonusStarts = Parse(errors, nameof(BonusStartsAt), BonusStartsAt, required: false);
        var bonusEnds = Parse(errors, nameof(BonusEndsAt), BonusEndsAt, required: false);
        period = new ContestPeriod(starts ?? default, ends ?? default, bonusStarts, bonusEnds);
        if (errors.Count == 0)
        {
            errors.AddRange(period.Problems().Select(p => new FormError(nameof(EndsAt), p)));
        }
        return errors;
    }

    private static DateTimeOffset? Parse(List<FormError> errors, string field, string? text, bool required)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            if (required)
            {
                errors.Add(new(field, BadDate));
            }
            return null;
        }
        if (DateTime.TryParseExact(text.Trim(), [Format, Format + ":ss"], CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var at))
        {
            return new DateTimeOffset(DateTime.SpecifyKind(at, DateTimeKind.Utc));
        }
        errors.Add(new(field, BadDate));
        return null;
    }
}
