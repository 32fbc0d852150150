using Microsoft.EntityFrameworkCore;
using Relais.Activities;
using Relais.Data;
using Relais.Drives;
using Relais.Supporters;

namespace Relais.Demo;

/// <summary>
/// The #palidzesim drive: nappies of two sizes and infant milk for a centre of 110 newborns, two
/// drop-off points, and pledges of the first demo supporters, half of them already received.
/// </summary>
public static class DemoDrives
{
    private const int Pledgers = 60;

    public static async Task SeedAsync(RelaisDb db, Guid organizationId, Guid campaignId, IReadOnlyList<Supporter> supporters, DateTimeOffset now, CancellationToken ct)
    {
        var drive = new Drive { OrganizationId = organizationId, CampaignId = campaignId, CreatedAt = now.AddDays(-20) };
        DriveNeed Need(string item, string unit, int wanted, NeedPeriod period, int position) =>
            new() { OrganizationId = organizationId, DriveId = drive.Id, Item = item, Unit = unit, QuantityWanted = wanted, Period = period, Position = position };
        var needs = new[]
        {
            Need("Nappies, size 1", "nappies", 300, NeedPeriod.PerDay, 0),
            Need("Nappies, size 2", "nappies", 3_000, NeedPeriod.Total, 1),
            Need("Infant formula milk", "bottles", 300, NeedPeriod.PerDay, 2),
        };
        var points = new[]
        {
            new DropOffPoint
            {
                OrganizationId = organizationId, DriveId = drive.Id, Name = "Infant centre", Address = "Brīvības iela 1", City = "Riga",
                OpeningHours = "Mon 09:00-18:00\nTue 09:00-18:00\nWed 09:00-18:00\nThu 09:00-18:00\nFri 09:00-18:00\nSat 10:00-14:00",
                Notes = "Ring at the side door.",
            },
            new DropOffPoint
            {
                OrganizationId = organizationId, DriveId = drive.Id, Name = "Library of Āgenskalns", Address = "Mazā Nometņu iela 2", City = "Riga",
                OpeningHours = "Tue 12:00-19:00\nThu 12:00-19:00\nSat 10:00-16:00",
            },
        };
        db.Drives.Add(drive);
        db.DriveNeeds.AddRange(needs);
        db.DropOffPoints.AddRange(points);
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var pledges = new List<ItemPledge>();
        var receptions = new List<DriveReception>();
        var pledged = new List<Activity>();
        var lastActive = new Dictionary<Guid, DateTimeOffset>();
        foreach (var (supporter, i) in supporters.Take(Pledgers).Select((s, i) => (s, i)))
        {
            var need = needs[i % needs.Length];
            var point = points[i % 3 == 0 ? 1 : 0];
            // Half the pledges were for past days and have come; the others are for the days ahead, on a day the point is open.
            var date = i % 2 == 0 ? today.AddDays(-1 - i % 10) : today.AddDays(1 + i % 7);
            while (!point.Hours.IsOpenOn(date))
            {
                date = date.AddDays(1);
            }
            var quantity = need.Unit == "bottles" ? 6 + i % 12 : 30 + 10 * (i % 6);
            var pledge = new ItemPledge
            {
                OrganizationId = organizationId,
                DriveId = drive.Id,
                NeedId = need.Id,
                SupporterId = supporter.Id,
                DropOffPointId = point.Id,
                DropOffDate = date,
                Quantity = quantity,
                Language = supporter.Language,
                // A person pledges after they first took part.
                CreatedAt = Later(now.AddDays(-15 + i % 10), supporter.CreatedAt),
            };
            need.PledgedQuantity += quantity;
            // As a real pledge does: it shows on the supporter's timeline and counts on the ladder.
            pledged.Add(new Activity
            {
                OrganizationId = organizationId,
                SupporterId = supporter.Id,
                Type = ActivityType.Pledged,
                CampaignId = drive.CampaignId,
                ActionId = drive.Id,
                OccurredAt = pledge.CreatedAt,
                Source = "demo",
            });
            if (pledge.CreatedAt > supporter.LastActiveAt)
            {
                lastActive[supporter.Id] = pledge.CreatedAt;
            }
            if (date < today)
            {
                var received = i % 8 == 0 ? quantity - 5 : quantity;
                receptions.Add(new DriveReception
                {
                    OrganizationId = organizationId,
                    DriveId = drive.Id,
                    NeedId = need.Id,
                    PledgeId = pledge.Id,
                    Quantity = received,
                    RecordedBy = "volunteer@demo.relais.localhost",
                    RecordedAt = date.ToDateTime(new TimeOnly(11, 0), DateTimeKind.Utc),
                });
                pledge.ReceivedQuantity = received;
                pledge.Status = DriveRules.StatusFor(received, quantity);
                need.ReceivedQuantity += received;
            }
            pledges.Add(pledge);
        }
        db.ItemPledges.AddRange(pledges);
        db.DriveReceptions.AddRange(receptions);
        db.Activities.AddRange(pledged);
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
        foreach (var (supporterId, at) in lastActive)
        {
            await db.Supporters.Where(s => s.Id == supporterId).ExecuteUpdateAsync(s => s.SetProperty(x => x.LastActiveAt, at), ct);
        }
    }

    private static DateTimeOffset Later(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;
}
