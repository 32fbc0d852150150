using Microsoft.EntityFrameworkCore;
using Relais.Actions;
using Relais.Activities;

namespace Relais.Petitions;

/// <summary>A valid signature, ready for the <see cref="ActionIntake"/>.</summary>
public sealed record SignatureRequest(
    Guid OrganizationId,
    Guid? CampaignId,
    Guid ActionId,
    ActionPerson Person,
    ShownConsent Consent,
    string? EmailUpdatesWording,
    Guid? RelayId,
    string Source,
    string? Comment)
    : ActionRequest(OrganizationId, CampaignId, ActionId, Person, Consent, EmailUpdatesWording, RelayId, Source)
{
    public Guid PetitionId => ActionId;

    public override string FormSource => $"petition:{PetitionId}";

    /// <summary>The request of a petition form that passed <see cref="SignatureForm.Validate"/>.</summary>
    public static SignatureRequest Of(
        Guid organizationId, Guid campaignId, Guid petitionId, SignatureForm form, string language,
        ShownConsent consent, string source, string emailUpdatesWording, Guid? relayId) =>
        new(
            organizationId,
            campaignId,
            petitionId,
            new ActionPerson(form.Email!, form.FirstName!, form.LastName!, form.PostalCode, form.Country, language),
            consent,
            form.EmailUpdates ? emailUpdatesWording : null,
            relayId,
            source,
            string.IsNullOrWhiteSpace(form.Comment) ? null : form.Comment.Trim());
}

/// <summary>
/// What a signature stores beside the shared rows: the Signed activity, once per person and
/// petition (a second signature is "already signed" and writes nothing), and the petition's
/// counter, bumped in the same transaction and published to live watchers after the commit.
/// </summary>
public sealed class SignatureStore(PetitionCounters counters) : IActionStore
{
    public Type RequestType => typeof(SignatureRequest);

    public async Task<ActionWrites> DecideAsync(ActionBatch batch, IReadOnlyList<Submission> submissions, CancellationToken ct)
    {
        var signed = await AlreadySignedAsync(batch, submissions, ct);
        var signedPerPetition = new Dictionary<Guid, int>();
        foreach (var submission in submissions)
        {
            var request = (SignatureRequest)submission.Request;
            if (!signed.Add((submission.Supporter.Id, request.PetitionId)))
            {
                batch.Settle(submission, ActionStatus.AlreadyDone);
                continue;
            }
            batch.Accept(submission, ActivityType.Signed, comment: request.Comment);
            signedPerPetition[request.PetitionId] = signedPerPetition.GetValueOrDefault(request.PetitionId) + 1;
        }
        if (signedPerPetition.Count == 0)
        {
            return ActionWrites.None;
        }
        var stored = new List<(Guid Id, int Count)>();
        return new ActionWrites(
            async token =>
            {
                foreach (var (petitionId, count) in signedPerPetition)
                {
                    await batch.Db.Petitions.Where(p => p.Id == petitionId)
                        .ExecuteUpdateAsync(s => s.SetProperty(p => p.SignatureCount, p => p.SignatureCount + count), token);
                }
                // Read inside the transaction, after the update that locks the rows: the exact count this commit makes.
                var ids = signedPerPetition.Keys.ToList();
                stored.AddRange((await batch.Db.Petitions.Where(p => ids.Contains(p.Id))
                        .Select(p => new { p.Id, p.SignatureCount }).ToListAsync(token))
                    .Select(p => (p.Id, p.SignatureCount)));
            },
            () =>
            {
                foreach (var (id, count) in stored)
                {
                    counters.Commit(id, count);
                }
            });
    }

    /// <summary>Who of the returning supporters already signed these petitions; new people cannot have, so most batches skip the query.</summary>
    private static async Task<HashSet<(Guid SupporterId, Guid PetitionId)>> AlreadySignedAsync(
        ActionBatch batch, IReadOnlyList<Submission> submissions, CancellationToken ct)
    {
        var supporterIds = submissions.Where(s => !s.IsNewSupporter).Select(s => s.Supporter.Id).Distinct().ToList();
        if (supporterIds.Count == 0)
        {
            return [];
        }
        var petitionIds = submissions.Select(s => s.Request.ActionId).Distinct().ToList();
        return (await batch.Db.Activities
                .Where(a => a.Type == ActivityType.Signed && supporterIds.Contains(a.SupporterId)
                    && a.ActionId != null && petitionIds.Contains(a.ActionId.Value))
                .Select(a => new { a.SupporterId, PetitionId = a.ActionId!.Value })
                .ToListAsync(ct))
            .Select(a => (a.SupporterId, a.PetitionId))
            .ToHashSet();
    }
}
