using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Relais.Consents;
using Relais.Data;
using Relais.Messaging;
using Relais.Organizations;
using Relais.Outbox;
using Relais.Privacy;
using Relais.Web.Automations;
using Relais.Web.Emails;

namespace Relais.Web.Privacy;

/// <summary>
/// Sends one supporter an email holding a fresh single-purpose link. A new token is issued on each
/// attempt; one from a failed attempt was never sent and cannot be guessed.
/// </summary>
internal abstract class SupporterLinkEmail(RelaisDb db, IMailTransport mail, SupporterEmails emails, TimeProvider clock, SenderIdentities senders)
    : IOutboxHandler
{
    public abstract string Kind { get; }

    protected abstract SupporterTokenPurpose Purpose { get; }

    protected SupporterEmails Emails => emails;

    protected abstract OutgoingEmail Compose(string to, string language, string organization, string secret);

    /// <summary>The email for this person; by default the fixed wording of <see cref="Compose"/>.</summary>
    protected virtual Task<OutgoingEmail> ComposeAsync(LinkRecipient recipient, SupporterMessage payload, string language, string organization, string secret, CancellationToken ct) =>
        Task.FromResult(Compose(recipient.Email, language, organization, secret));

    /// <summary>Whether the email still makes sense for someone in this state.</summary>
    protected virtual bool StillWanted(EmailConsentState state) => true;

    public async Task HandleAsync(OutboxMessage message, CancellationToken ct)
    {
        var payload = JsonSerializer.Deserialize<SupporterMessage>(message.Payload)
            ?? throw new InvalidOperationException("Empty payload.");
        var supporter = await db.Supporters.AsNoTracking()
            .Where(s => s.Id == payload.SupporterId && s.OrganizationId == message.OrganizationId && s.ErasedAt == null)
            .Select(s => new { s.Id, s.OrganizationId, s.Email, s.Language, s.EmailConsent, s.FirstName, s.LastName })
            .SingleOrDefaultAsync(ct);
        if (supporter is null || !StillWanted(supporter.EmailConsent))
        {
            // Erased, or confirmed meanwhile: nothing left to send.
            return;
        }
        var organization = await db.Organizations.Where(o => o.Id == supporter.OrganizationId).Select(o => o.Name).SingleAsync(ct);
        var secret = await db.IssueTokenAsync(supporter.OrganizationId, supporter.Id, Purpose, clock.GetUtcNow(), ct);
        var language = Languages.IsSupported(payload.Language) ? payload.Language : supporter.Language;
        var recipient = new LinkRecipient(supporter.Id, supporter.OrganizationId, supporter.Email, supporter.FirstName, supporter.LastName);
        var email = await ComposeAsync(recipient, payload, language, organization, secret, ct);
        var sender = await senders.ForAsync(supporter.OrganizationId, ct);
        await mail.SendAsync(email with { From = sender.From, Dkim = sender.Dkim }, ct);
    }
}

internal sealed record LinkRecipient(Guid Id, Guid OrganizationId, string Email, string FirstName, string LastName);

internal sealed class ConfirmSubscriptionEmail(
    RelaisDb db, IMailTransport mail, SupporterEmails emails, TimeProvider clock, SenderIdentities senders, AutomaticEmails automatic,
    IOptions<PublicUrlOptions> url)
    : SupporterLinkEmail(db, mail, emails, clock, senders)
{
    public override string Kind => OutboxKinds.ConfirmSubscription;

    protected override SupporterTokenPurpose Purpose => SupporterTokenPurpose.ConfirmEmail;

    protected override bool StillWanted(EmailConsentState state) => state == EmailConsentState.Pending;

    protected override OutgoingEmail Compose(string to, string language, string organization, string secret) =>
        Emails.ConfirmSubscription(to, language, organization, secret);

    /// <summary>The organization's wording (the action's, else its own) when it wrote one; the fixed wording otherwise.</summary>
    protected override async Task<OutgoingEmail> ComposeAsync(
        LinkRecipient recipient, SupporterMessage payload, string language, string organization, string secret, CancellationToken ct)
    {
        var wording = await automatic.FindAsync(recipient.OrganizationId, EmailTemplateKinds.ConfirmSubscription, payload.ActionId, language, ct);
        if (wording is null || MergeTemplate.Parse(wording.Subject, wording.Preheader, wording.Body).Template is not { } template)
        {
            return Compose(recipient.Email, language, organization, secret);
        }
        var values = new MergeValues
        {
            FirstName = recipient.FirstName,
            LastName = recipient.LastName,
            ConfirmLink = url.Value.Link($"/confirm/{secret}"),
        };
        return EmailLayout.Wrap(recipient.Email, template.Render(values), language, automatic.Footer(language, organization, "", ""));
    }
}

internal sealed class PreferencesLinkEmail(RelaisDb db, IMailTransport mail, SupporterEmails emails, TimeProvider clock, SenderIdentities senders)
    : SupporterLinkEmail(db, mail, emails, clock, senders)
{
    public override string Kind => OutboxKinds.PreferencesLink;

    protected override SupporterTokenPurpose Purpose => SupporterTokenPurpose.Preferences;

    protected override OutgoingEmail Compose(string to, string language, string organization, string secret) =>
        Emails.PreferencesLink(to, language, organization, secret);
}

internal sealed class DataExportLinkEmail(RelaisDb db, IMailTransport mail, SupporterEmails emails, TimeProvider clock, SenderIdentities senders)
    : SupporterLinkEmail(db, mail, emails, clock, senders)
{
    public override string Kind => OutboxKinds.DataExportLink;

    protected override SupporterTokenPurpose Purpose => SupporterTokenPurpose.DataExport;

    protected override OutgoingEmail Compose(string to, string language, string organization, string secret) =>
        Emails.DataExportLink(to, language, organization, secret);
}
