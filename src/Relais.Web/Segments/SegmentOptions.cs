using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Relais.Data;
using Relais.Organizations;
using Relais.Web.Localization;

namespace Relais.Web.Segments;

public sealed record SegmentOption(string Value, string Label);

/// <summary>What the builder's selects offer: the organization's own petitions, tags, groups, channels and ladder levels.</summary>
public sealed record SegmentOptions(
    IReadOnlyList<SegmentOption> Actions,
    IReadOnlyList<SegmentOption> Tags,
    IReadOnlyList<SegmentOption> Groups,
    IReadOnlyList<SegmentOption> Channels,
    IReadOnlyList<SegmentOption> LadderLevels,
    IReadOnlyList<SegmentOption> Countries)
{
    private static readonly ConcurrentDictionary<string, IReadOnlyList<SegmentOption>> CountriesByCulture = new();

    public static async Task<SegmentOptions> LoadAsync(RelaisDb db, Guid organizationId, CancellationToken ct)
    {
        var language = LocalizationSetup.CurrentLanguage;
        var petitions = await db.Petitions.InOrganization(organizationId).AsNoTracking()
            .Select(p => new { p.Id, p.Campaign!.Slug, p.Campaign.Languages, Texts = p.Campaign.Texts.Select(t => new { t.Language, t.Title }).ToList() })
            .ToListAsync(ct);
        var actions = petitions
            .Select(p => new SegmentOption(p.Id.ToString("D"),
                p.Texts.FirstOrDefault(t => t.Language == language)?.Title
                ?? p.Texts.FirstOrDefault()?.Title
                ?? p.Slug))
            .OrderBy(o => o.Label, StringComparer.CurrentCultureIgnoreCase)
            .ToList();
        var tags = await db.Tags.InOrganization(organizationId).OrderBy(t => t.Name).Select(t => new SegmentOption(t.Id.ToString(), t.Name)).ToListAsync(ct);
        var groups = await db.LocalGroups.InOrganization(organizationId).OrderBy(g => g.Name).Select(g => new SegmentOption(g.Id.ToString(), g.Name)).ToListAsync(ct);
        var channels = await db.Channels.InOrganization(organizationId).OrderBy(c => c.Name).Select(c => new SegmentOption(c.Id.ToString(), c.Name)).ToListAsync(ct);
        var levels = await db.LadderLevels.InOrganization(organizationId).OrderBy(l => l.Rank)
            .Select(l => new { l.Rank, l.NameFr, l.NameEn }).ToListAsync(ct);
        var ladder = levels.Count > 0
            ? levels.Select(l => new SegmentOption(l.Rank.ToString(CultureInfo.InvariantCulture), $"{l.Rank} · {(language == Languages.French ? l.NameFr : l.NameEn)}")).ToList()
            : Enumerable.Range(1, 4).Select(r => new SegmentOption(r.ToString(CultureInfo.InvariantCulture), r.ToString(CultureInfo.CurrentCulture))).ToList();
        ladder.Insert(0, new SegmentOption("0", "0"));
        return new SegmentOptions(
            [.. actions.Select(a => a with { Value = a.Value.ToLowerInvariant() })],
            [.. tags.Select(LowerCase)],
            [.. groups.Select(LowerCase)],
            [.. channels.Select(LowerCase)],
            ladder,
            CountriesIn(CultureInfo.CurrentUICulture));
    }

    // Ids are compared as posted back; "D" lower-case is how SegmentJson writes them.
    private static SegmentOption LowerCase(SegmentOption option) => option with { Value = option.Value.ToLowerInvariant() };

    private static IReadOnlyList<SegmentOption> CountriesIn(CultureInfo culture) =>
        CountriesByCulture.GetOrAdd(culture.Name, _ => [.. Relais.Supporters.Countries.Codes
            .Select(code => new SegmentOption(code, Relais.Supporters.Countries.Name(code, culture)))
            .OrderBy(o => o.Label, StringComparer.Create(culture, ignoreCase: true))]);
}
