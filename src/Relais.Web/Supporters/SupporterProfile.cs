using Microsoft.EntityFrameworkCore;
using Relais.Activities;
using Relais.Channels;
using Relais.Consents;
using Relais.Data;
using Relais.Groups;
using Relais.Organizations;
using Relais.Supporters;
using Relais.Tags;

namespace Relais.Web.Supporters;

public sealed record ProfileTag(Guid Id, string Name);

public sealed record ProfileGroup(Guid Id, string Name, GroupRole Role, DateTimeOffset JoinedAt);

public sealed record ProfileChannel(Guid Id, string Name, string Source, DateTimeOffset JoinedAt);

public sealed record ProfileMove(int FromRank, int ToRank, DateTimeOffset MovedAt, string Reason);

public sealed record TimelineEntry(ActivityType Type, string? CampaignTitle, string? Comment, string Source, DateTimeOffset OccurredAt);

public sealed record Choice(Guid Id, string Name);

/// <summary>Everything the profile page shows about one supporter, read in a handful of indexed queries.</summary>
public sealed class SupporterProfile
{
    public const int TimelinePageSize = 50;

    public required Supporter Supporter { get; init; }
    public IReadOnlyList<ProfileTag> Tags { get; init; } = [];
    public IReadOnlyList<ProfileGroup> Groups { get; init; } = [];
    public IReadOnlyList<ProfileChannel> Channels { get; init; } = [];
    public IReadOnlyList<Consent> Consents { get; init; } = [];
    public IReadOnlyList<ProfileMove> LadderMoves { get; init; } = [];

    /// <summary>Level names by rank in the page's language; empty when the organization has no ladder yet.</summary>
    public IReadOnlyDictionary<int, string> LevelNames { get; init; } = new Dictionary<int, string>();

    public int Shares { get; init; }
    public int Referrals { get; init; }
    public IReadOnlyList<TimelineEntry> Timeline { get; init; } = [];
    public int TimelineTotal { get; init; }
    public int TimelinePage { get; init; } = 1;
    public int TimelinePageCount => Math.Max(1, (TimelineTotal + TimelinePageSize - 1) / TimelinePageSize);

    /// <summary>Groups and channels of the organization the supporter could be added to.</summary>
    public IReadOnlyList<Choice> OtherGroups { get; init; } = [];
    public IReadOnlyList<Choice> OtherChannels { get; init; } = [];

    public string LevelName(int rank) => LevelNames.TryGetValue(rank, out var name) ? name : rank.ToString(System.Globalization.CultureInfo.CurrentCulture);

    public static async Task<SupporterProfile?> LoadAsync(
        RelaisDb db, Guid organizationId, Guid supporterId, int page, string language, CancellationToken ct)
    {
        var supporter = await db.Supporters.InOrganization(organizationId).AsNoTracking()
            .SingleOrDefaultAsync(s => s.Id == supporterId, ct);
        if (supporter is null)
        {
            return null;
        }
        var tags = await (from st in db.SupporterTags
                          join t in db.Tags on st.TagId equals t.Id
                          where st.SupporterId == supporterId && st.OrganizationId == organizationId
                          orderby t.NormalizedName
                          select new ProfileTag(t.Id, t.Name)).ToListAsync(ct);
        var groups = await (from m in db.GroupMemberships
                            join g in db.LocalGroups on m.GroupId equals g.Id
                            where m.SupporterId == supporterId && g.OrganizationId == organizationId
                            orderby g.Name
                            select new ProfileGroup(g.Id, g.Name, m.Role, m.JoinedAt)).ToListAsync(ct);
        var channels = await (from m in db.ChannelMemberships
                              join c in db.Channels on m.ChannelId equals c.Id
                              where m.SupporterId == supporterId && c.OrganizationId == organizationId
                              orderby c.Name
                              select new ProfileChannel(c.Id, c.Name, m.Source, m.JoinedAt)).ToListAsync(ct);
        var consents = (await db.Consents.InOrganization(organizationId).AsNoTracking()
                .Where(c => c.SupporterId == supporterId).ToListAsync(ct))
            .OrderByDescending(c => c.RecordedAt).ThenByDescending(c => c.Id).ToList();
        var moves = (await db.LadderMoves.InOrganization(organizationId)
                .Where(m => m.SupporterId == supporterId)
                .Select(m => new ProfileMove(m.FromRank, m.ToRank, m.MovedAt, m.Reason)).ToListAsync(ct))
            .OrderByDescending(m => m.MovedAt).ToList();
        var levels = await db.LadderLevels.InOrganization(organizationId)
            .Select(l => new { l.Rank, l.NameFr, l.NameEn }).ToListAsync(ct);
        var relays = await db.Activities.InOrganization(organizationId)
            .Where(a => a.SupporterId == supporterId && (a.Type == ActivityType.Shared || a.Type == ActivityType.Referred))
            .GroupBy(a => a.Type).Select(g => new { Type = g.Key, Count = g.Count() }).ToListAsync(ct);

        var activities = db.Activities.InOrganization(organizationId).AsNoTracking().Where(a => a.SupporterId == supporterId);
        var total = await activities.CountAsync(ct);
        var pageCount = Math.Max(1, (total + TimelinePageSize - 1) / TimelinePageSize);
        page = Math.Clamp(page, 1, pageCount);
        var rows = await activities.OrderByDescending(a => a.OccurredAt).ThenByDescending(a => a.Id)
            .Skip((page - 1) * TimelinePageSize).Take(TimelinePageSize).ToListAsync(ct);
        var titles = await CampaignTitlesAsync(db, organizationId, rows.Select(a => a.CampaignId), language, ct);

        var groupIds = groups.Select(g => g.Id).ToList();
        var channelIds = channels.Select(c => c.Id).ToList();
        return new SupporterProfile
        {
            Supporter = supporter,
            Tags = tags,
            Groups = groups,
            Channels = channels,
            Consents = consents,
            LadderMoves = moves,
            LevelNames = levels.ToDictionary(l => l.Rank, l => language == Languages.English ? l.NameEn : l.NameFr),
            Shares = relays.SingleOrDefault(r => r.Type == ActivityType.Shared)?.Count ?? 0,
            Referrals = relays.SingleOrDefault(r => r.Type == ActivityType.Referred)?.Count ?? 0,
            Timeline = rows.Select(a => new TimelineEntry(
                a.Type, a.CampaignId is { } id ? titles.GetValueOrDefault(id) : null, a.Comment, a.Source, a.OccurredAt)).ToList(),
            TimelineTotal = total,
            TimelinePage = page,
            OtherGroups = await db.LocalGroups.InOrganization(organizationId)
                .Where(g => !groupIds.Contains(g.Id)).OrderBy(g => g.Name).Select(g => new Choice(g.Id, g.Name)).ToListAsync(ct),
            OtherChannels = await db.Channels.InOrganization(organizationId)
                .Where(c => !channelIds.Contains(c.Id)).OrderBy(c => c.Name).Select(c => new Choice(c.Id, c.Name)).ToListAsync(ct),
        };
    }

    private static async Task<Dictionary<Guid, string>> CampaignTitlesAsync(
        RelaisDb db, Guid organizationId, IEnumerable<Guid?> campaignIds, string language, CancellationToken ct)
    {
        var ids = campaignIds.OfType<Guid>().Distinct().ToList();
        if (ids.Count == 0)
        {
            return [];
        }
        var campaigns = await db.Campaigns.InOrganization(organizationId).AsNoTracking()
            .Where(c => ids.Contains(c.Id)).Include(c => c.Texts).ToListAsync(ct);
        return campaigns.ToDictionary(c => c.Id, c => c.TextFor(language)?.Title is { Length: > 0 } title ? title : c.Slug);
    }
}
