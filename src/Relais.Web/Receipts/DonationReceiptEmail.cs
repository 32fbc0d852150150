using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Relais.Data;
using Relais.Giving;
using Relais.Messaging;
using Relais.Organizations;
using Relais.Outbox;
using Relais.Receipts;
using Relais.Web.Automations;
using Relais.Web.Localization;

namespace Relais.Web.Receipts;

/// <summary>The words of the receipt email, as keys of the French resources.</summary>
public static class DonationReceiptMessages
{
    public const string Subject = "Thank you for your donation to {0}";
    public const string Hello = "Hello {0},";
    public const string HelloNoName = "Hello,";
    public const string Thanks = "Thank you for your donation to “{0}”. Here is your receipt.";
    public const string Amount = "Amount";
    public const string Date = "Date";
    public const string Fundraiser = "Fundraiser";
    public const string Method = "Payment method";
    public const string Number = "Receipt number";
    public const string Beneficiary = "Received by";
    public const string Keep = "Keep this email: it is the receipt of your payment.";
    public const string Reason = "You receive this email because you made a donation to {0}.";
}

/// <summary>
/// Emails the donor the thank-you with the receipt of a succeeded donation, in the donation's
/// language. The outbox runs it at least once: the Message-ID comes from the donation, and the
/// receipt records when it was handed over, so a repeat sends nothing more (and a repeat after a
/// crash between the server's "250" and that record carries the same Message-ID, which receivers drop).
/// </summary>
internal sealed class DonationReceiptEmail(
    RelaisDb db,
    IMailTransport mail,
    SenderIdentities senders,
    IStringLocalizer<SharedResource> localizer,
    TimeProvider clock) : IOutboxHandler
{
    public string Kind => DonationReceiptMessage.Kind;

    public async Task HandleAsync(OutboxMessage message, CancellationToken ct)
    {
        var payload = JsonSerializer.Deserialize<DonationReceiptMessage>(message.Payload) ?? throw new InvalidOperationException("Empty payload.");
        var organizationId = message.OrganizationId ?? throw new InvalidOperationException("A receipt belongs to an organization.");
        var receipt = await db.DonationReceipts.AsNoTracking()
            .SingleOrDefaultAsync(r => r.DonationId == payload.DonationId && r.OrganizationId == organizationId, ct);
        if (receipt is null || receipt.EmailedAt is not null)
        {
            return;
        }
        var donation = await db.Donations.AsNoTracking().SingleAsync(d => d.Id == payload.DonationId && d.OrganizationId == organizationId, ct);
        var supporter = await db.Supporters.AsNoTracking()
            .Where(s => s.Id == donation.SupporterId && s.OrganizationId == organizationId && s.ErasedAt == null)
            .Select(s => new { s.Email, s.FirstName })
            .SingleOrDefaultAsync(ct);
        if (supporter is null)
        {
            return;
        }
        var organization = await db.Organizations.Where(o => o.Id == organizationId).Select(o => o.Name).SingleAsync(ct);
        var language = Languages.IsSupported(donation.Language) ? donation.Language : Languages.French;
        var titles = donation.CampaignId is { } campaignId
            ? await db.CampaignTexts.AsNoTracking().Where(t => t.CampaignId == campaignId).Select(t => new { t.Language, t.Title }).ToListAsync(ct)
            : [];
        var title = (titles.FirstOrDefault(t => t.Language == language) ?? titles.FirstOrDefault())?.Title ?? organization;
        var sender = await senders.ForAsync(organizationId, ct);
        var email = Compose(supporter.Email, supporter.FirstName, organization, title, donation, receipt, language) with
        {
            From = sender.From,
            Dkim = sender.Dkim,
            MessageId = MessageIdFor(donation.Id, sender.From.Address),
        };
        await mail.SendAsync(email, ct);
        var now = clock.GetUtcNow();
        await db.DonationReceipts.Where(r => r.Id == receipt.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.EmailedAt, now), CancellationToken.None);
    }

    /// <summary>One Message-ID per donation: the same on every attempt.</summary>
    public static string MessageIdFor(Guid donationId, string fromAddress) =>
        $"receipt.{donationId:N}@{fromAddress[(fromAddress.LastIndexOf('@') + 1)..]}";

    private OutgoingEmail Compose(
        string to, string firstName, string organization, string title, Donation donation, DonationReceipt receipt, string language) =>
        InLanguage.Run(language, () =>
        {
            var culture = CultureInfo.CurrentCulture;
            var rows = new (string Label, string Value)[]
            {
                (localizer[DonationReceiptMessages.Amount], donation.Amount.Format(culture)),
                (localizer[DonationReceiptMessages.Date], (donation.SettledAt ?? receipt.IssuedAt).UtcDateTime.ToString("d", culture)),
                (localizer[DonationReceiptMessages.Fundraiser], title),
                (localizer[DonationReceiptMessages.Method], localizer[PaymentMethods.Label(PaymentMethods.Of(donation.Provider, donation.OfflineMethod))]),
                (localizer[DonationReceiptMessages.Number], receipt.Reference),
                (localizer[DonationReceiptMessages.Beneficiary], organization),
            };
            var subject = localizer[DonationReceiptMessages.Subject, organization].Value;
            var hello = firstName.Length > 0 ? localizer[DonationReceiptMessages.Hello, firstName].Value : localizer[DonationReceiptMessages.HelloNoName].Value;
            var thanks = localizer[DonationReceiptMessages.Thanks, title].Value;
            var keep = localizer[DonationReceiptMessages.Keep].Value;
            var text = new StringBuilder().Append(hello).Append("\n\n").Append(thanks).Append("\n\n");
            var html = new StringBuilder().Append("<p>").Append(Encode(hello)).Append("</p><p>").Append(Encode(thanks)).Append("</p><table>");
            foreach (var (label, value) in rows)
            {
                text.Append(label).Append(": ").Append(value).Append('\n');
                html.Append("<tr><th scope=\"row\" style=\"text-align:left;padding-right:16px;\">").Append(Encode(label))
                    .Append("</th><td>").Append(Encode(value)).Append("</td></tr>");
            }
            text.Append('\n').Append(keep).Append('\n');
            html.Append("</table><p>").Append(Encode(keep)).Append("</p>");
            var footer = new EmailFooter(organization, localizer[DonationReceiptMessages.Reason, organization].Value, "", "", "", "");
            return EmailLayout.Wrap(to, new RenderedEmail(subject, thanks, text.ToString(), html.ToString()), language, footer);
        });

    private static string Encode(string value) => System.Net.WebUtility.HtmlEncode(value);
}
