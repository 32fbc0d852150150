using Microsoft.EntityFrameworkCore;
using Relais.Activities;
using Relais.Channels;
using Relais.Consents;
using Relais.Data;
using Relais.Outbox;
using Relais.Relays;
using Relais.Supporters;

namespace Relais.Actions;

/// <summary>
/// One transaction of the <see cref="ActionIntake"/>: the rows every action shares, gathered while
/// the stores decide and written set-based at the end (supporters, consents, email opt-ins,
/// activities, relay credits, thank-yous, the ladder's "due" mark, campaign channels).
/// </summary>
public sealed class ActionBatch
{
    private readonly ActionOutcome?[] _outcomes;
    private readonly List<Supporter> _newSupporters = [];
    private readonly HashSet<Guid> _accepted = [];
    private readonly List<Guid> _returning = [];
    private readonly List<Activity> _activities = [];
    private readonly List<Consent> _consents = [];
    private readonly List<OutboxMessage> _thanks = [];
    private readonly EmailOptIns _optIns = new();
    private readonly RelayCredits _credits = new();
    private readonly Dictionary<Guid, bool> _doubleOptIn = [];

    internal ActionBatch(RelaisDb db, DateTimeOffset now, int count)
    {
        Db = db;
        Now = now;
        _outcomes = new ActionOutcome?[count];
    }

    /// <summary>The batch's context, inside its transaction.</summary>
    public RelaisDb Db { get; }

    /// <summary>The moment every row of the batch records.</summary>
    public DateTimeOffset Now { get; }

    /// <summary>
    /// The request is stored: its consent goes to the ledger with the form's wording, its ticked
    /// "keep me informed" box too, the supporter is marked due for the ladder and, when the action
    /// writes an activity now, the activity is recorded, the relay credited and (unless
    /// <paramref name="thank"/> is false) the thank-you queued in the same transaction.
    /// </summary>
    public Activity? Accept(Submission submission, ActivityType? activityType, object? stored = null, string? comment = null, bool thank = true)
    {
        var (request, index, supporter, isNew) = submission;
        _outcomes[index] = new ActionOutcome(ActionStatus.Stored, supporter.Id, stored);
        if (_accepted.Add(supporter.Id))
        {
            if (isNew)
            {
                _newSupporters.Add(supporter);
            }
            else
            {
                _returning.Add(supporter.Id);
            }
        }
        _consents.Add(new Consent
        {
            OrganizationId = request.OrganizationId,
            SupporterId = supporter.Id,
            Purpose = request.Consent.Purpose,
            Granted = true,
            Wording = request.Consent.Wording,
            WordingVersion = request.Consent.Version,
            Language = request.Language,
            Source = request.FormSource,
            RecordedAt = Now,
        });
        if (request.EmailUpdatesWording is not null)
        {
            _optIns.Add(request, supporter, isNew, _doubleOptIn[request.OrganizationId], Now, _consents);
        }
        if (activityType is not { } type)
        {
            return null;
        }
        var activity = new Activity
        {
            OrganizationId = request.OrganizationId,
            SupporterId = supporter.Id,
            Type = type,
            CampaignId = request.CampaignId,
            ActionId = request.ActionId,
            OccurredAt = Now,
            Comment = comment,
            Source = request.Source,
        };
        _activities.Add(activity);
        _credits.Add(request.RelayId, activity, supporter, isNew);
        if (thank)
        {
            // Queued with the action, so that a thank-you is never lost nor sent for an action that was not stored.
            _thanks.Add(ThankYouMessage.For(activity, request.Language, Now));
        }
        return activity;
    }

    /// <summary>The request changes nothing: done before (the same signature, the same form posted again) or refused by the action's rule.</summary>
    public void Settle(Submission submission, ActionStatus result, object? stored = null, string? reason = null) =>
        _outcomes[submission.Index] = new ActionOutcome(result, submission.Supporter.Id, stored, reason);

    internal ActionOutcome[] Outcomes => _outcomes.Select((o, i) => o ?? throw new InvalidOperationException($"The store left request {i} of the batch undecided.")).ToArray();

    /// <summary>
    /// Finds the supporter of every request by normalized email, one query per organization, and
    /// makes (without inserting) the ones not known yet: two requests of one new person share one.
    /// Reads the organizations' double opt-in rule when someone ticked the newsletter box.
    /// </summary>
    internal async Task<List<Submission>> FindSupportersAsync(IReadOnlyList<ActionRequest> requests, CancellationToken ct)
    {
        var submissions = new Submission[requests.Count];
        foreach (var organization in requests.Select((request, i) => (Request: request, Index: i)).GroupBy(x => x.Request.OrganizationId))
        {
            var emails = organization.Select(x => x.Request.Person.NormalizedEmail).Distinct().ToList();
            var known = await Db.Supporters.AsNoTracking()
                .Where(s => s.OrganizationId == organization.Key && emails.Contains(s.NormalizedEmail))
                .ToDictionaryAsync(s => s.NormalizedEmail, ct);
            var made = new Dictionary<string, Supporter>();
            foreach (var (request, index) in organization)
            {
                var email = request.Person.NormalizedEmail;
                if (known.TryGetValue(email, out var supporter))
                {
                    submissions[index] = new Submission(request, index, supporter, false);
                    continue;
                }
                if (!made.TryGetValue(email, out supporter))
                {
                    supporter = NewSupporter(request);
                    made.Add(email, supporter);
                }
                submissions[index] = new Submission(request, index, supporter, true);
            }
            // Only batches where someone ticked the newsletter box read the organization's rule.
            if (organization.Any(x => x.Request.EmailUpdatesWording is not null))
            {
                _doubleOptIn[organization.Key] = await Db.Organizations.Where(o => o.Id == organization.Key)
                    .Select(o => o.RequireDoubleOptIn).SingleAsync(ct);
            }
        }
        return [.. submissions];
    }

    private Supporter NewSupporter(ActionRequest request)
    {
        var person = request.Person;
        return new Supporter
        {
            OrganizationId = request.OrganizationId,
            Email = person.Email.Trim(),
            NormalizedEmail = person.NormalizedEmail,
            FirstName = person.FirstName.Trim(),
            LastName = person.LastName.Trim(),
            PostalCode = FormRules.OrNull(person.PostalCode),
            Country = FormRules.OrNull(person.Country)?.ToUpperInvariant(),
            Language = request.Language,
            CreatedAt = Now,
            LastActiveAt = Now,
        };
    }

    /// <summary>Writes the shared rows, supporters first: the stores' own rows refer to them.</summary>
    internal async Task WriteSharedAsync(CancellationToken ct)
    {
        var referred = await _credits.ResolveAsync(Db, Now);
        await Db.InsertAsync(_newSupporters, ct);
        await Db.InsertAsync(_activities, ct);
        await Db.InsertAsync(referred, ct);
        await _credits.TouchRelaysAsync(Db, Now);
        await Db.InsertAsync(_consents, ct);
        await _optIns.WriteAsync(Db);
        await Db.InsertAsync(_thanks, ct);
        if (_returning.Count > 0)
        {
            // An action is a real contact: the ladder places them again (LastActiveAt past LadderEvaluatedAt).
            await Db.Supporters.Where(s => _returning.Contains(s.Id))
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.LastActiveAt, Now), ct);
        }
    }

    /// <summary>
    /// People who acted join the channel of the campaign they acted on, unless already in it.
    /// Set-based: one read of the campaigns' channels, one of the memberships, one insert. A
    /// membership written meanwhile by another node trips the primary key, and the one-by-one
    /// retry skips it.
    /// </summary>
    internal async Task JoinCampaignChannelsAsync(CancellationToken ct)
    {
        var acted = _activities.Where(a => a.CampaignId is not null).ToList();
        if (acted.Count == 0)
        {
            return;
        }
        var campaignIds = acted.Select(a => a.CampaignId!.Value).Distinct().ToList();
        var channelOf = await Db.Campaigns
            .Where(c => campaignIds.Contains(c.Id) && c.ChannelId != null)
            .ToDictionaryAsync(c => c.Id, c => c.ChannelId!.Value, ct);
        if (channelOf.Count == 0)
        {
            return;
        }
        var wanted = acted.Where(a => channelOf.ContainsKey(a.CampaignId!.Value))
            .Select(a => new ChannelMembership
            {
                ChannelId = channelOf[a.CampaignId!.Value],
                SupporterId = a.SupporterId,
                OrganizationId = a.OrganizationId,
                Source = $"action:{a.ActionId}",
                JoinedAt = Now,
            })
            .DistinctBy(m => (m.ChannelId, m.SupporterId))
            .ToList();
        var channelIds = wanted.Select(m => m.ChannelId).Distinct().ToList();
        var supporterIds = wanted.Select(m => m.SupporterId).Distinct().ToList();
        var existing = (await Db.ChannelMemberships
                .Where(m => channelIds.Contains(m.ChannelId) && supporterIds.Contains(m.SupporterId))
                .Select(m => new { m.ChannelId, m.SupporterId })
                .ToListAsync(ct))
            .Select(m => (m.ChannelId, m.SupporterId))
            .ToHashSet();
        await Db.InsertAsync(wanted.Where(m => !existing.Contains((m.ChannelId, m.SupporterId))).ToList(), ct);
    }
}
