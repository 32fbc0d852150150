using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Relais.Activities;
using Relais.Consents;
using Relais.Data;
using Relais.Supporters;

namespace Relais.Petitions;

/// <summary>A valid signature, ready to be stored.</summary>
public sealed record SignatureRequest(
    Guid OrganizationId,
    Guid CampaignId,
    Guid PetitionId,
    SignatureForm Form,
    string Language,
    string ConsentWording,
    int ConsentWordingVersion,
    string Source,
    string? EmailUpdatesWording = null,
    Guid? RelayId = null);

public enum SignatureOutcome
{
    Signed,
    AlreadySigned,
}

/// <summary>
/// Stores signatures by group commit: one writer drains whatever has queued up and writes it in a
/// single transaction, and each visitor is answered only once the transaction holding their
/// signature has committed. SQLite allows one writer at a time; this makes that writer busy with
/// large transactions instead of many small ones.
/// </summary>
public sealed class SignatureIntake(
    IDbContextFactory<RelaisDb> dbFactory, PetitionCounters counters, TimeProvider clock, ILogger<SignatureIntake> logger)
{
    public const int MaxBatch = 256;

    private GroupCommit<SignatureRequest, SignatureOutcome>? _writer;

    private GroupCommit<SignatureRequest, SignatureOutcome> Writer => LazyInitializer.EnsureInitialized(ref _writer,
        () => new(WriteInOneTransactionAsync, request => $"a signature for petition {request.PetitionId}", logger, MaxBatch));

    public Task<SignatureOutcome> SubmitAsync(SignatureRequest request, CancellationToken ct) => Writer.SubmitAsync(request, ct);

    /// <summary>The single writer; runs until <paramref name="stoppingToken"/> and then drains the queue.</summary>
    public Task RunAsync(CancellationToken stoppingToken) => Writer.RunAsync(stoppingToken);

    private async Task<SignatureOutcome[]> WriteInOneTransactionAsync(IReadOnlyList<SignatureRequest> batch)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        await using var transaction = await db.Database.BeginTransactionAsync();
        var now = clock.GetUtcNow();
        var outcomes = new SignatureOutcome[batch.Count];
        var signedPerPetition = new Dictionary<Guid, int>();
        var newSupporters = new List<Supporter>();
        var newIds = new HashSet<Guid>();
        var returning = new List<Guid>();
        var activities = new List<Activity>();
        var consents = new List<Consent>();
        var thanks = new List<Outbox.OutboxMessage>();
        var optIns = new EmailOptIns();
        var credits = new Relays.RelayCredits();
        foreach (var organization in batch.Select((request, i) => (Request: request, Index: i)).GroupBy(x => x.Request.OrganizationId))
        {
            var emails = organization.Select(x => EmailAddress.Normalize(x.Request.Form.Email!)).Distinct().ToList();
            var supporters = await db.Supporters.AsNoTracking()
                .Where(s => s.OrganizationId == organization.Key && emails.Contains(s.NormalizedEmail))
                .ToDictionaryAsync(s => s.NormalizedEmail);
            var supporterIds = supporters.Values.Select(s => s.Id).ToList();
            var petitionIds = organization.Select(x => x.Request.PetitionId).Distinct().ToList();
            // New people cannot have signed: most batches skip this query.
            var signed = supporterIds.Count == 0
                ? []
                : (await db.Activities
                        .Where(a => a.Type == ActivityType.Signed && supporterIds.Contains(a.SupporterId)
                            && a.ActionId != null && petitionIds.Contains(a.ActionId.Value))
                        .Select(a => new { a.SupporterId, PetitionId = a.ActionId!.Value })
                        .ToListAsync())
                    .Select(a => (a.SupporterId, a.PetitionId))
                    .ToHashSet();

            // Only batches where someone ticked the newsletter box read the organization's rule.
            var requireDoubleOptIn = organization.Any(x => x.Request.Form.EmailUpdates)
                && await db.Organizations.Where(o => o.Id == organization.Key).Select(o => o.RequireDoubleOptIn).SingleAsync();
            foreach (var (request, index) in organization)
            {
                var form = request.Form;
                var email = EmailAddress.Normalize(form.Email!);
                if (!supporters.TryGetValue(email, out var supporter))
                {
                    supporter = new Supporter
                    {
                        OrganizationId = request.OrganizationId,
                        Email = form.Email!.Trim(),
                        NormalizedEmail = email,
                        FirstName = form.FirstName!.Trim(),
                        LastName = form.LastName!.Trim(),
                        PostalCode = form.PostalCode!.Trim(),
                        Country = form.Country,
                        Language = request.Language,
                        CreatedAt = now,
                        LastActiveAt = now,
                    };
                    supporters.Add(email, supporter);
                    newSupporters.Add(supporter);
                    newIds.Add(supporter.Id);
                }
                if (!signed.Add((supporter.Id, request.PetitionId)))
                {
                    outcomes[index] = SignatureOutcome.AlreadySigned;
                    continue;
                }
                if (!newIds.Contains(supporter.Id))
                {
                    returning.Add(supporter.Id);
                }
                var activity = new Activity
                {
                    OrganizationId = request.OrganizationId,
                    SupporterId = supporter.Id,
                    Type = ActivityType.Signed,
                    CampaignId = request.CampaignId,
                    ActionId = request.PetitionId,
                    OccurredAt = now,
                    Comment = string.IsNullOrWhiteSpace(form.Comment) ? null : form.Comment.Trim(),
                    Source = request.Source,
                };
                activities.Add(activity);
                credits.Add(request.RelayId, activity, supporter, newIds.Contains(supporter.Id));
                // Queued with the signature, so that a thank-you is never lost nor sent for a signature that was not stored.
                thanks.Add(Outbox.ThankYouMessage.For(activity, request.Language, now));
                consents.Add(new Consent
                {
                    OrganizationId = request.OrganizationId,
                    SupporterId = supporter.Id,
                    Purpose = ConsentPurposes.PetitionSignature,
                    Granted = true,
                    Wording = request.ConsentWording,
                    WordingVersion = request.ConsentWordingVersion,
                    Language = request.Language,
                    Source = $"petition:{request.PetitionId}",
                    RecordedAt = now,
                });
                if (form.EmailUpdates)
                {
                    optIns.Add(request, supporter, newIds.Contains(supporter.Id), requireDoubleOptIn, now, consents);
                }
                signedPerPetition[request.PetitionId] = signedPerPetition.GetValueOrDefault(request.PetitionId) + 1;
                outcomes[index] = SignatureOutcome.Signed;
            }
        }
        var referred = await credits.ResolveAsync(db, now);
        await db.InsertAsync(newSupporters);
        await db.InsertAsync(activities);
        await db.InsertAsync(referred);
        await credits.TouchRelaysAsync(db, now);
        await db.InsertAsync(consents);
        await optIns.WriteAsync(db);
        await db.InsertAsync(thanks);
        if (returning.Count > 0)
        {
            await db.Supporters.Where(s => returning.Contains(s.Id))
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.LastActiveAt, now));
        }
        foreach (var (petitionId, count) in signedPerPetition)
        {
            await db.Petitions.Where(p => p.Id == petitionId)
                .ExecuteUpdateAsync(s => s.SetProperty(p => p.SignatureCount, p => p.SignatureCount + count));
        }
        // Read inside the transaction, after the update that locks the rows: the exact count this commit makes.
        var signedPetitions = signedPerPetition.Keys.ToList();
        var stored = signedPetitions.Count == 0
            ? []
            : await db.Petitions.Where(p => signedPetitions.Contains(p.Id))
                .Select(p => new { p.Id, p.SignatureCount }).ToListAsync();
        await JoinCampaignChannelsAsync(db, activities, now);
        await transaction.CommitAsync();
        foreach (var petition in stored)
        {
            counters.Commit(petition.Id, petition.SignatureCount);
        }
        return outcomes;
    }

    /// <summary>
    /// Signers join the channel of the campaign they acted on, unless already in it. Set-based: one
    /// read of the campaigns' channels, one of the memberships, one insert. A membership written
    /// meanwhile by another node trips the primary key, and the one-by-one retry skips it.
    /// </summary>
    private static async Task JoinCampaignChannelsAsync(RelaisDb db, List<Activity> signed, DateTimeOffset now)
    {
        if (signed.Count == 0)
        {
            return;
        }
        var campaignIds = signed.Select(a => a.CampaignId!.Value).Distinct().ToList();
        var channelOf = await db.Campaigns
            .Where(c => campaignIds.Contains(c.Id) && c.ChannelId != null)
            .ToDictionaryAsync(c => c.Id, c => c.ChannelId!.Value);
        if (channelOf.Count == 0)
        {
            return;
        }
        var wanted = signed.Where(a => channelOf.ContainsKey(a.CampaignId!.Value))
            .Select(a => new Channels.ChannelMembership
            {
                ChannelId = channelOf[a.CampaignId!.Value],
                SupporterId = a.SupporterId,
                OrganizationId = a.OrganizationId,
                Source = $"action:{a.ActionId}",
                JoinedAt = now,
            })
            .DistinctBy(m => (m.ChannelId, m.SupporterId))
            .ToList();
        var channelIds = wanted.Select(m => m.ChannelId).Distinct().ToList();
        var supporterIds = wanted.Select(m => m.SupporterId).Distinct().ToList();
        var existing = (await db.ChannelMemberships
                .Where(m => channelIds.Contains(m.ChannelId) && supporterIds.Contains(m.SupporterId))
                .Select(m => new { m.ChannelId, m.SupporterId })
                .ToListAsync())
            .Select(m => (m.ChannelId, m.SupporterId))
            .ToHashSet();
        await db.InsertAsync(wanted.Where(m => !existing.Contains((m.ChannelId, m.SupporterId))).ToList());
    }
}
