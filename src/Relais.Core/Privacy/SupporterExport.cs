using Microsoft.EntityFrameworkCore;
using Relais.Data;
using Relais.Organizations;

namespace Relais.Privacy;

/// <summary>Everything Relais holds on one person (GDPR articles 15 and 20), ready to serialize as JSON.</summary>
public sealed record SupporterExportData(
    DateTimeOffset ExportedAt,
    string Organization,
    SupporterExportData.ContactData Supporter,
    IReadOnlyList<SupporterExportData.ConsentData> Consents,
    IReadOnlyList<SupporterExportData.ActivityData> Activities,
    IReadOnlyList<string> Tags,
    IReadOnlyList<SupporterExportData.GroupData> Groups,
    IReadOnlyList<SupporterExportData.ChannelData> Channels,
    IReadOnlyList<SupporterExportData.LadderMoveData> LadderMoves)
{
    public sealed record ContactData(
        Guid Id, string Email, string FirstName, string LastName, string? Phone, string? PostalCode, string? City,
        string? Country, string Language, string EmailConsent, int LadderRank, DateTimeOffset CreatedAt, DateTimeOffset LastActiveAt,
        DateTimeOffset? ErasedAt);

    public sealed record ConsentData(
        string Purpose, bool Granted, bool AwaitingConfirmation, string Wording, int WordingVersion, string Language, string Source,
        DateTimeOffset RecordedAt);

    public sealed record ActivityData(string Type, Guid? CampaignId, string? Campaign, DateTimeOffset OccurredAt, string? Comment, string Source);

    public sealed record GroupData(string Name, string Role, DateTimeOffset JoinedAt);

    public sealed record ChannelData(string Name, string Source, DateTimeOffset JoinedAt);

    public sealed record LadderMoveData(int FromRank, int ToRank, DateTimeOffset MovedAt, string Reason);
}

public static class SupporterExport
{
    /// <summary>The supporter's data, or null when they are not in <paramref name="organizationId"/>.</summary>
    public static async Task<SupporterExportData?> ExportAsync(
        this RelaisDb db, Guid organizationId, Guid supporterId, DateTimeOffset now, CancellationToken ct)
    {
        var s = await db.Supporters.AsNoTracking().InOrganization(organizationId).SingleOrDefaultAsync(x => x.Id == supporterId, ct);
        if (s is null)
        {
            return null;
        }
        var organization = await db.Organizations.Where(o => o.Id == organizationId).Select(o => o.Name).SingleAsync(ct);
        var consents = await db.Consents.AsNoTracking().InOrganization(organizationId).Where(c => c.SupporterId == s.Id)
            .OrderBy(c => c.RecordedAt).ToListAsync(ct);
        var activities = await db.Activities.AsNoTracking().InOrganization(organizationId).Where(a => a.SupporterId == s.Id)
            .OrderBy(a => a.OccurredAt).ToListAsync(ct);
        var campaignIds = activities.Where(a => a.CampaignId != null).Select(a => a.CampaignId!.Value).Distinct().ToList();
        var titles = (await db.CampaignTexts.AsNoTracking()
                .Where(t => campaignIds.Contains(t.CampaignId))
                .Select(t => new { t.CampaignId, t.Language, t.Title })
                .ToListAsync(ct))
            .GroupBy(t => t.CampaignId)
            .ToDictionary(g => g.Key, g => (g.FirstOrDefault(t => t.Language == s.Language) ?? g.First()).Title);
        var tags = await db.SupporterTags.InOrganization(organizationId).Where(t => t.SupporterId == s.Id)
            .Join(db.Tags, st => st.TagId, t => t.Id, (st, t) => t.Name).OrderBy(n => n).ToListAsync(ct);
        var groups = await db.GroupMemberships.InOrganization(organizationId).Where(m => m.SupporterId == s.Id)
            .Join(db.LocalGroups, m => m.GroupId, g => g.Id, (m, g) => new { g.Name, m.Role, m.JoinedAt }).ToListAsync(ct);
        var channels = await db.ChannelMemberships.InOrganization(organizationId).Where(m => m.SupporterId == s.Id)
            .Join(db.Channels, m => m.ChannelId, c => c.Id, (m, c) => new { c.Name, m.Source, m.JoinedAt }).ToListAsync(ct);
        var moves = await db.LadderMoves.AsNoTracking().InOrganization(organizationId).Where(m => m.SupporterId == s.Id)
            .OrderBy(m => m.MovedAt).ToListAsync(ct);
        return new SupporterExportData(
            now,
            organization,
            new(s.Id, s.Email, s.FirstName, s.LastName, s.Phone, s.PostalCode, s.City, s.Country, s.Language, s.EmailConsent.ToString(),
                s.LadderRank, s.CreatedAt, s.LastActiveAt, s.ErasedAt),
            consents.Select(c => new SupporterExportData.ConsentData(
                c.Purpose, c.Granted, c.AwaitingConfirmation, c.Wording, c.WordingVersion, c.Language, c.Source, c.RecordedAt)).ToList(),
            activities.Select(a => new SupporterExportData.ActivityData(
                a.Type.ToString(), a.CampaignId, a.CampaignId is { } id ? titles.GetValueOrDefault(id) : null, a.OccurredAt, a.Comment, a.Source)).ToList(),
            tags,
            groups.Select(g => new SupporterExportData.GroupData(g.Name, g.Role.ToString(), g.JoinedAt)).ToList(),
            channels.Select(c => new SupporterExportData.ChannelData(c.Name, c.Source, c.JoinedAt)).ToList(),
            moves.Select(m => new SupporterExportData.LadderMoveData(m.FromRank, m.ToRank, m.MovedAt, m.Reason)).ToList());
    }
}
