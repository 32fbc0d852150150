using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Relais.Actions;
using Relais.Data;
using Relais.Ladder;
using Relais.Messaging;
using Relais.Organizations;
using Relais.Outbox;
using Relais.Privacy;

namespace Relais.Web.Automations;

/// <summary>
/// Thanks a supporter for an action, in their language, with their relay link and the ladder's
/// next step. The outbox runs it at least once; the Message-ID is made from the activity, so a
/// repeat after a crash between the SMTP server's "250" and the outbox's bookkeeping carries the
/// same id and receivers drop it.
/// </summary>
internal sealed class ThankYouEmail(
    RelaisDb db,
    IMailTransport mail,
    AutomaticEmails automatic,
    SenderIdentities senders,
    RecipientLinks links,
    IOptions<PublicUrlOptions> url) : IOutboxHandler
{
    public string Kind => OutboxKinds.ThankYou;

    public async Task HandleAsync(OutboxMessage message, CancellationToken ct)
    {
        var payload = JsonSerializer.Deserialize<ThankYouMessage>(message.Payload) ?? throw new InvalidOperationException("Empty payload.");
        var organizationId = message.OrganizationId ?? throw new InvalidOperationException("A thank-you belongs to an organization.");
        var supporter = await db.Supporters.AsNoTracking()
            .Where(s => s.Id == payload.SupporterId && s.OrganizationId == organizationId && s.ErasedAt == null)
            .Select(s => new { s.Id, s.Email, s.NormalizedEmail, s.FirstName, s.LastName, s.Language, s.LadderRank })
            .SingleOrDefaultAsync(ct);
        if (supporter is null)
        {
            return;
        }
        var hash = SuppressedEmail.Hash(supporter.NormalizedEmail);
        if (await db.SuppressedEmails.AnyAsync(x => x.OrganizationId == organizationId && x.EmailHash == hash, ct))
        {
            return;
        }
        var language = Languages.IsSupported(payload.Language) ? payload.Language
            : Languages.IsSupported(supporter.Language) ? supporter.Language : Languages.French;
        var organization = await db.Organizations.Where(o => o.Id == organizationId).Select(o => o.Name).SingleAsync(ct);
        var kind = EmailTemplateKinds.ThankYouFor(payload.Type);
        var wording = await automatic.FindAsync(organizationId, kind, payload.ActionId, language, ct)
            ?? automatic.Default(kind, language, organization);
        if (!wording.Enabled)
        {
            return;
        }
        var template = MergeTemplate.Parse(wording.Subject, wording.Preheader, wording.Body).Template
            ?? throw new InvalidOperationException("The thank-you wording no longer parses.");

        var campaign = payload.CampaignId is { } campaignId
            ? await db.Campaigns.AsNoTracking().Where(c => c.Id == campaignId && c.OrganizationId == organizationId)
                .Select(c => new { c.Id, c.Slug }).SingleOrDefaultAsync(ct)
            : null;
        var values = new MergeValues
        {
            FirstName = supporter.FirstName,
            LastName = supporter.LastName,
            PreferencesLink = links.Preferences(supporter.Id, null),
            UnsubscribeLink = links.Unsubscribe(supporter.Id, null),
        };
        if (campaign is not null)
        {
            var culture = CultureInfo.GetCultureInfo(language);
            var titles = await db.CampaignTexts.AsNoTracking().Where(t => t.CampaignId == campaign.Id)
                .Select(t => new { t.Language, t.Title }).ToListAsync(ct);
            var (counter, goal) = await ActionFigures.ForAsync(db, payload.Type, payload.ActionId, ct);
            var relayLink = RelayLink(campaign.Slug, supporter.Id);
            var next = await db.FindAsync(organizationId, payload.ActionId, supporter.LadderRank, supporter.Id, language, ct);
            values = values with
            {
                RelayLink = relayLink,
                CampaignLink = url.Value.Link("/c/" + campaign.Slug),
                CampaignTitle = (titles.FirstOrDefault(t => t.Language == language) ?? titles.FirstOrDefault())?.Title ?? "",
                Counter = counter.ToString("N0", culture),
                Goal = goal.ToString("N0", culture),
                // At the top of the ladder, the next step is to bring others.
                NextStep = next?.CallToAction is { Length: > 0 } call ? call : next?.Title ?? automatic.Text(language, ThankYouEmailMessages.InviteFriends),
                NextStepLink = next is null ? relayLink : url.Value.Link(next.Path + "?ref=" + RelayCode.For(supporter.Id)),
            };
        }
        var sender = await senders.ForAsync(organizationId, ct);
        var footer = automatic.Footer(language, organization, values.PreferencesLink, "");
        var email = EmailLayout.Wrap(supporter.Email, template.Render(values), language, footer) with
        {
            From = sender.From,
            Dkim = sender.Dkim,
            MessageId = MessageIdFor(payload.ActivityId, sender.From.Address),
        };
        await mail.SendAsync(email, ct);
    }

    /// <summary>One Message-ID per activity: the same on every attempt.</summary>
    public static string MessageIdFor(Guid activityId, string fromAddress) =>
        $"thank-you.{activityId:N}@{fromAddress[(fromAddress.LastIndexOf('@') + 1)..]}";

    private string RelayLink(string slug, Guid supporterId) => url.Value.Link("/c/" + slug + "?ref=" + RelayCode.For(supporterId));
}
