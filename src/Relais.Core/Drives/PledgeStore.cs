using Microsoft.EntityFrameworkCore;
using Relais.Actions;
using Relais.Activities;
using Relais.Consents;
using Relais.Data;

namespace Relais.Drives;

/// <summary>A valid pledge form, ready for the <see cref="ActionIntake"/>; <paramref name="Token"/> is the form's idempotency key.</summary>
public sealed record PledgeRequest(
    Guid OrganizationId,
    Guid? CampaignId,
    Guid ActionId,
    ActionPerson Person,
    ShownConsent Consent,
    string? EmailUpdatesWording,
    Guid? RelayId,
    string Source,
    ValidPledge Pledge,
    string Token)
    : ActionRequest(OrganizationId, CampaignId, ActionId, Person, Consent, EmailUpdatesWording, RelayId, Source)
{
    public Guid DriveId => ActionId;

    public override string FormSource => $"drive:{DriveId}";

    public static PledgeRequest Of(Drive drive, ValidPledge valid, bool emailUpdates, string language, ShownConsent consent, string emailUpdatesWording, Guid? relayId, string token) =>
        new(
            drive.OrganizationId,
            drive.CampaignId,
            drive.Id,
            new ActionPerson(valid.Email, valid.FirstName, valid.LastName, null, null, language),
            consent,
            emailUpdates ? emailUpdatesWording : null,
            relayId,
            "web",
            valid,
            token);
}

/// <summary>
/// What a pledge stores beside the shared rows: the pledge itself (its Pledged activity goes
/// through the batch) and its need's running total. A pledge beyond what remains of the need is
/// accepted and flagged; the needs' rows are updated first, so that concurrent pledges of the
/// same need on several nodes are judged one after the other. The same form posted twice (its
/// token) finds the pledge it made.
/// </summary>
public sealed class PledgeStore : IActionStore
{
    public Type RequestType => typeof(PledgeRequest);

    public async Task<ActionWrites> DecideAsync(ActionBatch batch, IReadOnlyList<Submission> submissions, CancellationToken ct)
    {
        var db = batch.Db;
        var made = await MadeBeforeAsync(db, submissions, ct);
        var fresh = new List<(Submission Submission, PledgeRequest Request)>();
        var repeats = new List<Submission>();
        var seen = new HashSet<(Guid, string)>();
        foreach (var submission in submissions)
        {
            var request = (PledgeRequest)submission.Request;
            var key = (request.DriveId, request.Token);
            if (made.TryGetValue(key, out var earlier))
            {
                batch.Settle(submission, ActionStatus.AlreadyDone, earlier);
            }
            else if (seen.Add(key))
            {
                fresh.Add((submission, request));
            }
            else
            {
                // The same form twice in one batch: it gets the pledge the first one makes below.
                repeats.Add(submission);
            }
        }
        if (fresh.Count == 0)
        {
            return ActionWrites.None;
        }
        var needs = await TakeNeedsAsync(db, fresh.Select(f => f.Request.Pledge).ToList(), ct);
        var pledges = new List<ItemPledge>(fresh.Count);
        foreach (var (submission, request) in fresh)
        {
            var valid = request.Pledge;
            var need = needs[valid.Need.Id];
            var pledge = new ItemPledge
            {
                OrganizationId = request.OrganizationId,
                DriveId = request.DriveId,
                NeedId = need.Need.Id,
                SupporterId = submission.Supporter.Id,
                DropOffPointId = valid.Point.Id,
                DropOffDate = valid.Date,
                Quantity = valid.Quantity,
                IsBeyondNeed = need.IsBeyond(valid),
                Language = request.Language,
                IdempotencyKey = request.Token,
                CreatedAt = batch.Now,
            };
            need.Add(valid);
            made[(request.DriveId, request.Token)] = pledge;
            pledges.Add(pledge);
            batch.Accept(submission, ActivityType.Pledged, pledge);
        }
        foreach (var repeat in repeats)
        {
            var request = (PledgeRequest)repeat.Request;
            batch.Settle(repeat, ActionStatus.AlreadyDone, made[(request.DriveId, request.Token)]);
        }
        return new ActionWrites(token => db.InsertAsync(pledges, token));
    }

    /// <summary>The pledges these forms already made (their tokens), in one query.</summary>
    private static async Task<Dictionary<(Guid DriveId, string Token), ItemPledge>> MadeBeforeAsync(
        RelaisDb db, IReadOnlyList<Submission> submissions, CancellationToken ct)
    {
        var tokens = submissions.Select(s => ((PledgeRequest)s.Request).Token).Distinct().ToList();
        var driveIds = submissions.Select(s => s.Request.ActionId).Distinct().ToList();
        return await db.ItemPledges.AsNoTracking()
            .Where(p => p.IdempotencyKey != null && tokens.Contains(p.IdempotencyKey) && driveIds.Contains(p.DriveId))
            .ToDictionaryAsync(p => (p.DriveId, p.IdempotencyKey!), ct);
    }

    /// <summary>
    /// Adds the batch's quantities to their needs first (the update locks each need's row until
    /// the commit), then reads each need's state before the batch: its total less the batch's, and
    /// for a daily need the pledges already made for each day the batch names.
    /// </summary>
    private static async Task<Dictionary<Guid, NeedTally>> TakeNeedsAsync(RelaisDb db, List<ValidPledge> pledges, CancellationToken ct)
    {
        var tallies = new Dictionary<Guid, NeedTally>();
        foreach (var ofNeed in pledges.GroupBy(p => p.Need.Id))
        {
            var quantity = ofNeed.Sum(p => (long)p.Quantity);
            await db.DriveNeeds.Where(n => n.Id == ofNeed.Key)
                .ExecuteUpdateAsync(s => s.SetProperty(n => n.PledgedQuantity, n => n.PledgedQuantity + quantity), ct);
            var need = await db.DriveNeeds.AsNoTracking().SingleAsync(n => n.Id == ofNeed.Key, ct);
            need.PledgedQuantity -= quantity;
            var perDay = new Dictionary<DateOnly, long>();
            if (need.Period == NeedPeriod.PerDay)
            {
                var dates = ofNeed.Select(p => p.Date).Distinct().ToList();
                perDay = (await db.ItemPledges
                        .Where(p => p.NeedId == need.Id && dates.Contains(p.DropOffDate) && p.Status != PledgeStatus.Cancelled)
                        .GroupBy(p => p.DropOffDate)
                        .Select(g => new { Date = g.Key, Quantity = g.Sum(p => (long)p.Quantity) })
                        .ToListAsync(ct))
                    .ToDictionary(x => x.Date, x => x.Quantity);
            }
            tallies[need.Id] = new NeedTally(need, perDay);
        }
        return tallies;
    }

    /// <summary>A need as the batch's pledges find it one after the other.</summary>
    private sealed class NeedTally(DriveNeed need, Dictionary<DateOnly, long> pledgedPerDay)
    {
        public DriveNeed Need => need;

        public bool IsBeyond(ValidPledge pledge) =>
            DriveRules.IsBeyondNeed(DriveRules.Remaining(need, pledgedPerDay.GetValueOrDefault(pledge.Date)), pledge.Quantity);

        public void Add(ValidPledge pledge)
        {
            need.PledgedQuantity += pledge.Quantity;
            pledgedPerDay[pledge.Date] = pledgedPerDay.GetValueOrDefault(pledge.Date) + pledge.Quantity;
        }
    }
}
