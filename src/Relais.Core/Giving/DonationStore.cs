using Microsoft.EntityFrameworkCore;
using Relais.Actions;
using Relais.Data;
using Relais.Supporters;

namespace Relais.Giving;

/// <summary>What a gift is for: the fundraiser's own rules the store needs, and the personal page or team it goes through.</summary>
public sealed record GiftTarget(Guid FundraiserId, string Currency, bool AllowDonorMessages, Guid? PageId, Guid? TeamId);

/// <summary>A valid donate form, ready for the <see cref="ActionIntake"/>; <paramref name="Token"/> is the form's idempotency key.</summary>
public sealed record DonationRequest(
    Guid OrganizationId,
    Guid? CampaignId,
    Guid ActionId,
    ActionPerson Person,
    ShownConsent Consent,
    string? EmailUpdatesWording,
    Guid? RelayId,
    string Source,
    GiftTarget Target,
    DonationForm Form,
    long AmountMinor,
    string Provider,
    string? OfflineMethod,
    string Token)
    : ActionRequest(OrganizationId, CampaignId, ActionId, Person, Consent, EmailUpdatesWording, RelayId, Source)
{
    public Guid FundraiserId => ActionId;

    public override string FormSource => $"fundraiser:{FundraiserId}";

    public static DonationRequest Of(
        Guid organizationId, Guid campaignId, GiftTarget target, DonationForm form, long amountMinor, string provider, string? offlineMethod,
        string token, string language, ShownConsent consent, string emailUpdatesWording, Guid? relayId) =>
        new(
            organizationId,
            campaignId,
            target.FundraiserId,
            new ActionPerson(form.Email!, form.FirstName!, form.LastName!, form.PostalCode, form.Country, language),
            consent,
            form.EmailUpdates ? emailUpdatesWording : null,
            relayId,
            "web",
            target,
            form,
            amountMinor,
            provider,
            offlineMethod,
            token);
}

/// <summary>
/// What a gift stores when its form is posted: one pending donation, credited to the personal page
/// and team it went through. The donor becomes (or is found as) a supporter through the batch; the
/// Donated activity, the thank-you and the totals come with its settlement (<see cref="DonationLedger"/>).
/// The form token is unique per fundraiser, so a double-clicked or replayed form finds the donation
/// the first post made instead of making another.
/// </summary>
public sealed class DonationStore : IActionStore
{
    public Type RequestType => typeof(DonationRequest);

    public async Task<ActionWrites> DecideAsync(ActionBatch batch, IReadOnlyList<Submission> submissions, CancellationToken ct)
    {
        var db = batch.Db;
        var made = await MadeBeforeAsync(db, submissions, ct);
        var donations = new List<Donation>();
        var addresses = new List<(Guid SupporterId, DonationForm Form)>();
        foreach (var submission in submissions)
        {
            var request = (DonationRequest)submission.Request;
            var key = (request.FundraiserId, request.Token);
            if (made.TryGetValue(key, out var earlier))
            {
                // Made before, or earlier in this batch by the same form posted twice.
                batch.Settle(submission, ActionStatus.AlreadyDone, earlier);
                continue;
            }
            var donation = NewDonation(request, submission.Supporter.Id, batch.Now);
            made[key] = donation;
            donations.Add(donation);
            if (submission.IsNewSupporter)
            {
                TakeAddress(submission.Supporter, request.Form);
            }
            else
            {
                addresses.Add((submission.Supporter.Id, request.Form));
            }
            // Pending: the Donated activity and the thank-you wait for the payment (DonationLedger).
            batch.Accept(submission, activityType: null, donation);
        }
        if (donations.Count == 0)
        {
            return ActionWrites.None;
        }
        return new ActionWrites(async token =>
        {
            await db.InsertAsync(donations, token);
            foreach (var (supporterId, form) in addresses)
            {
                await UpdateAddressAsync(db, supporterId, form, token);
            }
        });
    }

    /// <summary>The donations these forms already made (their tokens), in one query.</summary>
    private static async Task<Dictionary<(Guid FundraiserId, string Token), Donation>> MadeBeforeAsync(
        RelaisDb db, IReadOnlyList<Submission> submissions, CancellationToken ct)
    {
        var tokens = submissions.Select(s => ((DonationRequest)s.Request).Token).Distinct().ToList();
        var fundraiserIds = submissions.Select(s => s.Request.ActionId).Distinct().ToList();
        return await db.Donations.AsNoTracking()
            .Where(d => tokens.Contains(d.IdempotencyKey) && fundraiserIds.Contains(d.FundraiserId))
            .ToDictionaryAsync(d => (d.FundraiserId, d.IdempotencyKey), ct);
    }

    private static Donation NewDonation(DonationRequest request, Guid supporterId, DateTimeOffset now)
    {
        var form = request.Form;
        var target = request.Target;
        return new Donation
        {
            OrganizationId = request.OrganizationId,
            FundraiserId = target.FundraiserId,
            CampaignId = request.CampaignId,
            SupporterId = supporterId,
            FundraisingPageId = target.PageId,
            FundraisingTeamId = target.TeamId,
            AmountMinor = request.AmountMinor,
            Currency = target.Currency,
            Provider = request.Provider,
            OfflineMethod = request.OfflineMethod,
            IdempotencyKey = request.Token,
            DonorMessage = target.AllowDonorMessages ? FormRules.OrNull(form.Message) : null,
            IsAnonymous = form.Anonymous,
            DisplayName = form.WallName(),
            WantsTaxReceipt = form.WantsTaxReceipt,
            Language = request.Language,
            Source = request.Source,
            CreatedAt = now,
        };
    }

    /// <summary>A new donor's address, as the form gives it (all of it when they want a tax receipt).</summary>
    private static void TakeAddress(Supporter supporter, DonationForm form)
    {
        if (form.WantsTaxReceipt)
        {
            supporter.StreetAddress = form.StreetAddress!.Trim();
            supporter.PostalCode = form.PostalCode!.Trim();
            supporter.City = form.City!.Trim();
            supporter.Country = form.Country;
        }
    }

    /// <summary>
    /// A returning donor's address: the one given for a receipt is their current one; otherwise the
    /// form only fills what was empty.
    /// </summary>
    private static async Task UpdateAddressAsync(RelaisDb db, Guid supporterId, DonationForm form, CancellationToken ct)
    {
        if (form.WantsTaxReceipt)
        {
            string street = form.StreetAddress!.Trim(), postalCode = form.PostalCode!.Trim(), city = form.City!.Trim();
            var country = form.Country;
            await db.Supporters.Where(s => s.Id == supporterId).ExecuteUpdateAsync(s => s
                .SetProperty(x => x.StreetAddress, street)
                .SetProperty(x => x.PostalCode, postalCode)
                .SetProperty(x => x.City, city)
                .SetProperty(x => x.Country, country), ct);
            return;
        }
        var typedPostalCode = FormRules.OrNull(form.PostalCode);
        var typedCountry = FormRules.OrNull(form.Country)?.ToUpperInvariant();
        if (typedPostalCode is not null)
        {
            await db.Supporters.Where(s => s.Id == supporterId && s.PostalCode == null)
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.PostalCode, typedPostalCode), ct);
        }
        if (typedCountry is not null)
        {
            await db.Supporters.Where(s => s.Id == supporterId && s.Country == null)
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.Country, typedCountry), ct);
        }
    }
}
