using Microsoft.EntityFrameworkCore;
using Relais.Consents;
using Relais.Data;
using Relais.Outbox;
using Relais.Supporters;

namespace Relais.Actions;

/// <summary>
/// The "keep me informed" boxes ticked in one group commit of actions: a ledger row each, the supporters'
/// email-updates state set in two set-based updates, and a confirmation email queued in the same
/// transaction when double opt-in applies.
/// </summary>
internal sealed class EmailOptIns
{
    private readonly List<Guid> _granted = [];
    private readonly List<Guid> _pending = [];
    private readonly List<OutboxMessage> _confirmations = [];
    private readonly HashSet<Guid> _confirming = [];

    public void Add(ActionRequest request, Supporter supporter, bool isNew, bool requireDoubleOptIn, DateTimeOffset now, List<Consent> consents)
    {
        var state = EmailConsentRules.AfterOptIn(supporter.EmailConsent, requireDoubleOptIn);
        consents.Add(new Consent
        {
            OrganizationId = request.OrganizationId,
            SupporterId = supporter.Id,
            Purpose = ConsentPurposes.EmailUpdates,
            Granted = true,
            AwaitingConfirmation = state == EmailConsentState.Pending,
            Wording = request.EmailUpdatesWording!,
            WordingVersion = EmailUpdatesWording.Version,
            Language = request.Language,
            Source = request.FormSource,
            RecordedAt = now,
        });
        if (isNew)
        {
            // Not inserted yet: the row goes in with its state.
            supporter.EmailConsent = state;
        }
        else
        {
            (state == EmailConsentState.Granted ? _granted : _pending).Add(supporter.Id);
        }
        if (state == EmailConsentState.Pending && _confirming.Add(supporter.Id))
        {
            _confirmations.Add(new OutboxMessage
            {
                OrganizationId = request.OrganizationId,
                Kind = OutboxKinds.ConfirmSubscription,
                Payload = System.Text.Json.JsonSerializer.Serialize(new SupporterMessage(supporter.Id, request.Language, request.ActionId)),
                CreatedAt = now,
                NextAttemptAt = now,
            });
        }
    }

    public async Task WriteAsync(RelaisDb db)
    {
        if (_granted.Count > 0)
        {
            await db.Supporters.Where(s => _granted.Contains(s.Id))
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.EmailConsent, EmailConsentState.Granted));
        }
        if (_pending.Count > 0)
        {
            // Someone granted meanwhile stays granted.
            await db.Supporters.Where(s => _pending.Contains(s.Id) && s.EmailConsent != EmailConsentState.Granted)
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.EmailConsent, EmailConsentState.Pending));
        }
        await db.InsertAsync(_confirmations);
    }
}
