using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Relais.Data;
using Relais.Drives;
using Relais.Messaging;
using Relais.Organizations;
using Relais.Outbox;
using Relais.Web.Localization;

namespace Relais.Web.Drives;

/// <summary>The payload of a drop-off reminder.</summary>
public sealed record PledgeReminder(Guid PledgeId);

/// <summary>
/// Queues the reminder of each pledge whose drop-off is tomorrow. Each pledge is claimed by a
/// conditional update of <see cref="ItemPledge.ReminderSentAt"/> in the transaction that queues its
/// email: two nodes, or two runs, never remind the same person twice.
/// </summary>
public sealed class DriveReminders(IDbContextFactory<RelaisDb> dbFactory, TimeProvider clock)
{
    public const string Kind = "email.drive-reminder";
    public const int BatchSize = 200;

    /// <summary>Queues the reminders that are due; returns how many this run claimed.</summary>
    public async Task<int> RunDueAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var tomorrow = DateOnly.FromDateTime(now.UtcDateTime).AddDays(1);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var due = await db.ItemPledges
            .Where(p => p.DropOffDate == tomorrow && p.ReminderSentAt == null && p.Status == PledgeStatus.Pledged)
            .Select(p => new { p.Id, p.OrganizationId })
            .Take(BatchSize)
            .ToListAsync(ct);
        var claimed = 0;
        foreach (var pledge in due)
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var won = await db.ItemPledges.Where(p => p.Id == pledge.Id && p.ReminderSentAt == null)
                .ExecuteUpdateAsync(s => s.SetProperty(p => p.ReminderSentAt, now), ct);
            if (won == 0)
            {
                continue;
            }
            db.OutboxMessages.Add(new OutboxMessage
            {
                OrganizationId = pledge.OrganizationId,
                Kind = Kind,
                Payload = JsonSerializer.Serialize(new PledgeReminder(pledge.Id)),
                CreatedAt = now,
                NextAttemptAt = now,
            });
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            db.ChangeTracker.Clear();
            claimed++;
        }
        return claimed;
    }
}

/// <summary>Runs <see cref="DriveReminders"/> every few minutes; a failed run is logged and the next one comes.</summary>
internal sealed class DriveReminderJob(DriveReminders reminders, IConfiguration configuration, TimeProvider clock, ILogger<DriveReminderJob> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var pause = TimeSpan.FromSeconds(Math.Clamp(configuration.GetValue("Relais:Drives:ReminderPollSeconds", 300), 1, 86_400));
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await reminders.RunDueAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                logger.LogError(ex, "Queuing drop-off reminders failed; trying again in {Pause}", pause);
            }
            try
            {
                await Task.Delay(pause, clock, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}

/// <summary>Sends a queued reminder in the pledger's language, with the drop-off point, its hours that day and the pledge's page.</summary>
internal sealed class DriveReminderEmail(
    RelaisDb db, IMailTransport mail, IStringLocalizer<SharedResource> localizer, IOptions<PublicUrlOptions> url) : IOutboxHandler
{
    public string Kind => DriveReminders.Kind;

    public async Task HandleAsync(OutboxMessage message, CancellationToken ct)
    {
        var payload = JsonSerializer.Deserialize<PledgeReminder>(message.Payload) ?? throw new InvalidOperationException("Empty payload.");
        var pledge = await db.ItemPledges.AsNoTracking()
            .SingleOrDefaultAsync(p => p.Id == payload.PledgeId && p.OrganizationId == message.OrganizationId, ct);
        if (pledge is null || pledge.Status == PledgeStatus.Cancelled)
        {
            return;
        }
        var supporter = await db.Supporters.AsNoTracking()
            .Where(s => s.Id == pledge.SupporterId && s.ErasedAt == null)
            .Select(s => new { s.Email, s.FirstName })
            .SingleOrDefaultAsync(ct);
        if (supporter is null)
        {
            return;
        }
        var need = await db.DriveNeeds.AsNoTracking().SingleAsync(n => n.Id == pledge.NeedId, ct);
        var point = await db.DropOffPoints.AsNoTracking().SingleAsync(p => p.Id == pledge.DropOffPointId, ct);
        var slug = await db.Drives.Where(d => d.Id == pledge.DriveId).Select(d => d.Campaign!.Slug).SingleAsync(ct);
        var organization = await db.Organizations.Where(o => o.Id == pledge.OrganizationId).Select(o => o.Name).SingleAsync(ct);
        var language = Languages.IsSupported(pledge.Language) ? pledge.Language : Languages.French;
        var link = url.Value.Link($"/c/{Uri.EscapeDataString(slug)}/bring/{pledge.Code}");
        var email = InLanguage.Run(language, () =>
        {
            var culture = CultureInfo.CurrentCulture;
            var subject = localizer["Reminder: your drop-off tomorrow for {0}", organization].Value;
            var body = localizer["Thank you for your pledge. Tomorrow, {0}, please bring {1} × {2} ({3}) to {4}, {5}, {6}.",
                pledge.DropOffDate.ToString("D", culture), pledge.Quantity.ToString("N0", culture), need.Item, need.Unit,
                point.Name, point.Address, point.City].Value;
            var hours = point.Hours.DayText(pledge.DropOffDate.DayOfWeek);
            var open = localizer["Opening hours that day: {0}.", hours].Value;
            var show = localizer["Your pledge and its QR code, to show at the drop-off point:"].Value;
            var text = $"{body}\n{open}\n{point.Notes}\n\n{show}\n{link}\n\n-- \n{organization}\n";
            var html = new StringBuilder()
                .Append("<!DOCTYPE html><html lang=\"").Append(culture.Name).Append("\"><head><meta charset=\"utf-8\"><title>")
                .Append(Encode(subject)).Append("</title></head><body>")
                .Append("<p>").Append(Encode(body)).Append("</p>")
                .Append("<p>").Append(Encode(open)).Append("</p>")
                .Append(string.IsNullOrWhiteSpace(point.Notes) ? "" : "<p>" + Encode(point.Notes) + "</p>")
                .Append("<p>").Append(Encode(show)).Append(" <a href=\"").Append(Encode(link)).Append("\">").Append(Encode(link)).Append("</a></p>")
                .Append("<p>— ").Append(Encode(organization)).Append("</p></body></html>")
                .ToString();
            return new OutgoingEmail(supporter.Email, subject, text, html);
        });
        await mail.SendAsync(email, ct);
    }

    private static string Encode(string text) => HtmlEncoder.Default.Encode(text);
}
