using Microsoft.EntityFrameworkCore;
using Relais.Consents;
using Relais.Data;
using Relais.Giving;
using Relais.Outbox;
using Relais.Supporters;

namespace Relais.Web.Giving;

/// <summary>A valid donate form, ready to become a pending donation.</summary>
public sealed record DonationRequest(
    FundraiserSnapshot Fundraiser,
    DonationForm Form,
    long AmountMinor,
    string Provider,
    string? OfflineMethod,
    string Token,
    Guid? PageId,
    Guid? TeamId,
    string Language,
    string EmailUpdatesWording);

/// <summary>
/// Turns a donate form into one pending donation: the donor becomes (or is found as) a supporter of
/// the organization, their email-updates choice goes to the consent ledger, all in one transaction.
/// The form token is unique per fundraiser, so a double-clicked or replayed form finds the donation
/// the first post made instead of making another.
/// </summary>
public sealed class DonationIntake(RelaisDb db, TimeProvider clock)
{
    /// <summary>The donation of this form, and whether this call created it.</summary>
    public async Task<(Donation Donation, bool Created)> RecordAsync(DonationRequest request, CancellationToken ct)
    {
        for (var attempt = 0; ; attempt++)
        {
            var existing = await FindAsync(request.Fundraiser.Id, request.Token, ct);
            if (existing is not null)
            {
                return (existing, false);
            }
            try
            {
                return (await InsertAsync(request, ct), true);
            }
            catch (DbUpdateException) when (attempt == 0)
            {
                // The same form posted twice at once, or the same new donor on two forms: the other
                // post won the unique index; read what it wrote.
                db.ChangeTracker.Clear();
            }
        }
    }

    private Task<Donation?> FindAsync(Guid fundraiserId, string token, CancellationToken ct) =>
        db.Donations.AsNoTracking().SingleOrDefaultAsync(d => d.FundraiserId == fundraiserId && d.IdempotencyKey == token, ct);

    private async Task<Donation> InsertAsync(DonationRequest request, CancellationToken ct)
    {
        var form = request.Form;
        var fundraiser = request.Fundraiser;
        var now = clock.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var email = EmailAddress.Normalize(form.Email!);
        var supporter = await db.Supporters.SingleOrDefaultAsync(s => s.OrganizationId == fundraiser.OrganizationId && s.NormalizedEmail == email, ct);
        if (supporter is null)
        {
            supporter = new Supporter
            {
                OrganizationId = fundraiser.OrganizationId,
                Email = form.Email!.Trim(),
                NormalizedEmail = email,
                FirstName = form.FirstName!.Trim(),
                LastName = form.LastName!.Trim(),
                Language = request.Language,
                CreatedAt = now,
            };
            db.Supporters.Add(supporter);
        }
        supporter.LastActiveAt = now;
        if (form.WantsTaxReceipt)
        {
            // The address given for a receipt is the donor's current one.
            supporter.StreetAddress = form.StreetAddress!.Trim();
            supporter.PostalCode = form.PostalCode!.Trim();
            supporter.City = form.City!.Trim();
            supporter.Country = form.Country;
        }
        else
        {
            supporter.PostalCode ??= FormRules.OrNull(form.PostalCode);
            supporter.Country ??= FormRules.OrNull(form.Country)?.ToUpperInvariant();
        }
        if (form.EmailUpdates)
        {
            await RecordEmailUpdatesAsync(request, supporter, now, ct);
        }
        var donation = new Donation
        {
            OrganizationId = fundraiser.OrganizationId,
            FundraiserId = fundraiser.Id,
            CampaignId = fundraiser.CampaignId,
            SupporterId = supporter.Id,
            FundraisingPageId = request.PageId,
            FundraisingTeamId = request.TeamId,
            AmountMinor = request.AmountMinor,
            Currency = fundraiser.Currency,
            Provider = request.Provider,
            OfflineMethod = request.OfflineMethod,
            IdempotencyKey = request.Token,
            DonorMessage = fundraiser.AllowDonorMessages ? FormRules.OrNull(form.Message) : null,
            IsAnonymous = form.Anonymous,
            DisplayName = form.WallName(),
            WantsTaxReceipt = form.WantsTaxReceipt,
            Language = request.Language,
            CreatedAt = now,
        };
        db.Donations.Add(donation);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        db.ChangeTracker.Clear();
        return donation;
    }

    private async Task RecordEmailUpdatesAsync(DonationRequest request, Supporter supporter, DateTimeOffset now, CancellationToken ct)
    {
        var requireDoubleOptIn = await db.Organizations.Where(o => o.Id == supporter.OrganizationId).Select(o => o.RequireDoubleOptIn).SingleAsync(ct);
        var state = EmailConsentRules.AfterOptIn(supporter.EmailConsent, requireDoubleOptIn);
        db.Consents.Add(new Consent
        {
            OrganizationId = supporter.OrganizationId,
            SupporterId = supporter.Id,
            Purpose = ConsentPurposes.EmailUpdates,
            Granted = true,
            AwaitingConfirmation = state == EmailConsentState.Pending,
            Wording = request.EmailUpdatesWording,
            WordingVersion = EmailUpdatesWording.Version,
            Language = request.Language,
            Source = $"fundraiser:{request.Fundraiser.Id}",
            RecordedAt = now,
        });
        if (state == EmailConsentState.Pending && supporter.EmailConsent != EmailConsentState.Pending)
        {
            db.OutboxMessages.Add(new OutboxMessage
            {
                OrganizationId = supporter.OrganizationId,
                Kind = OutboxKinds.ConfirmSubscription,
                Payload = System.Text.Json.JsonSerializer.Serialize(new SupporterMessage(supporter.Id, request.Language, request.Fundraiser.Id)),
                CreatedAt = now,
                NextAttemptAt = now,
            });
        }
        supporter.EmailConsent = state;
    }
}
