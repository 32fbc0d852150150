using Microsoft.EntityFrameworkCore;
using Relais.Activities;
using Relais.Consents;
using Relais.Data;
using Relais.Outbox;
using Relais.Supporters;

namespace Relais.Drives;

/// <summary>What the pledge form shows beside its boxes, recorded in the consent ledger as shown.</summary>
public sealed record PledgeWording(string Consent, int ConsentVersion, string EmailUpdates);

/// <summary>Records pledges: the supporter, their consents, the pledge, its activity and the need's total, in one transaction.</summary>
public static class DrivePledges
{
    /// <summary>The consent purpose of recording a pledge and contacting the pledger about it.</summary>
    public const string ConsentPurpose = "item-pledge";

    /// <summary>
    /// Stores a valid pledge. A pledge beyond what remains of the need is accepted and flagged;
    /// the need's row is updated first, so that concurrent pledges of the same need are judged one
    /// after the other.
    /// </summary>
    public static async Task<ItemPledge> RecordAsync(
        RelaisDb db, Drive drive, ValidPledge valid, bool emailUpdates, string language, PledgeWording wording, DateTimeOffset now, CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var email = EmailAddress.Normalize(valid.Email);
        var supporter = await db.Supporters.InOrganizationOf(drive)
            .SingleOrDefaultAsync(s => s.NormalizedEmail == email, ct);
        var isNew = supporter is null;
        if (supporter is null)
        {
            supporter = new Supporter
            {
                OrganizationId = drive.OrganizationId,
                Email = valid.Email,
                NormalizedEmail = email,
                FirstName = valid.FirstName,
                LastName = valid.LastName,
                Language = language,
                CreatedAt = now,
            };
            db.Supporters.Add(supporter);
        }
        supporter.LastActiveAt = now;

        await db.DriveNeeds.Where(n => n.Id == valid.Need.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.PledgedQuantity, n => n.PledgedQuantity + valid.Quantity), ct);
        var need = await db.DriveNeeds.AsNoTracking().SingleAsync(n => n.Id == valid.Need.Id, ct);
        // The state before this pledge: the total less this pledge, or the day's pledges so far.
        need.PledgedQuantity -= valid.Quantity;
        var pledgedOnDate = need.Period == NeedPeriod.PerDay
            ? await db.ItemPledges
                .Where(p => p.NeedId == need.Id && p.DropOffDate == valid.Date && p.Status != PledgeStatus.Cancelled)
                .SumAsync(p => (long?)p.Quantity, ct) ?? 0
            : 0;
        var pledge = new ItemPledge
        {
            OrganizationId = drive.OrganizationId,
            DriveId = drive.Id,
            NeedId = need.Id,
            SupporterId = supporter.Id,
            DropOffPointId = valid.Point.Id,
            DropOffDate = valid.Date,
            Quantity = valid.Quantity,
            IsBeyondNeed = DriveRules.IsBeyondNeed(DriveRules.Remaining(need, pledgedOnDate), valid.Quantity),
            Language = language,
            CreatedAt = now,
        };
        db.ItemPledges.Add(pledge);
        db.Activities.Add(new Activity
        {
            OrganizationId = drive.OrganizationId,
            SupporterId = supporter.Id,
            Type = ActivityType.Pledged,
            CampaignId = drive.CampaignId,
            ActionId = drive.Id,
            OccurredAt = now,
            Source = "drive",
        });
        var source = $"drive:{drive.Id}";
        db.Consents.Add(new Consent
        {
            OrganizationId = drive.OrganizationId,
            SupporterId = supporter.Id,
            Purpose = ConsentPurpose,
            Granted = true,
            Wording = wording.Consent,
            WordingVersion = wording.ConsentVersion,
            Language = language,
            Source = source,
            RecordedAt = now,
        });
        if (emailUpdates)
        {
            var requireDoubleOptIn = await db.Organizations.Where(o => o.Id == drive.OrganizationId).Select(o => o.RequireDoubleOptIn).SingleAsync(ct);
            var state = EmailConsentRules.AfterOptIn(supporter.EmailConsent, requireDoubleOptIn);
            db.Consents.Add(new Consent
            {
                OrganizationId = drive.OrganizationId,
                SupporterId = supporter.Id,
                Purpose = ConsentPurposes.EmailUpdates,
                Granted = true,
                AwaitingConfirmation = state == EmailConsentState.Pending,
                Wording = wording.EmailUpdates,
                WordingVersion = EmailUpdatesWording.Version,
                Language = language,
                Source = source,
                RecordedAt = now,
            });
            if (state == EmailConsentState.Pending && (isNew || supporter.EmailConsent != EmailConsentState.Pending))
            {
                db.OutboxMessages.Add(new OutboxMessage
                {
                    OrganizationId = drive.OrganizationId,
                    Kind = OutboxKinds.ConfirmSubscription,
                    Payload = System.Text.Json.JsonSerializer.Serialize(new SupporterMessage(supporter.Id, language, drive.Id)),
                    CreatedAt = now,
                    NextAttemptAt = now,
                });
            }
            supporter.EmailConsent = state;
        }
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return pledge;
    }

    private static IQueryable<Supporter> InOrganizationOf(this DbSet<Supporter> supporters, Drive drive) =>
        supporters.Where(s => s.OrganizationId == drive.OrganizationId);
}
