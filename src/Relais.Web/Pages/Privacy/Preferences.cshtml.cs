using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Relais.Channels;
using Relais.Consents;
using Relais.Data;
using Relais.Organizations;
using Relais.Privacy;
using Relais.Supporters;
using Relais.Web.Localization;

namespace Relais.Web.Pages.Privacy;

/// <summary>
/// A supporter's own page, reached by an emailed link: email updates on or off, and the channels
/// open to choice. Every change appends a ledger row.
/// </summary>
public sealed class PreferencesModel(RelaisDb db, TimeProvider clock) : PageModel
{
    public bool Valid { get; private set; }
    public bool Saved { get; private set; }
    public string OrganizationName { get; private set; } = "";
    public string EmailUpdatesWording { get; private set; } = "";
    public IReadOnlyList<Channel> OpenChannels { get; private set; } = [];

    [BindProperty]
    public bool EmailUpdates { get; set; }

    [BindProperty]
    public List<Guid> Channels { get; set; } = [];

    /// <summary>Appear on the public boards of top relays.</summary>
    [BindProperty]
    public bool ShowOnRelayBoard { get; set; }

    [BindProperty]
    public string? RelayBoardName { get; set; }

    private SupporterToken? _token;
    private Supporter? _supporter;

    public async Task<IActionResult> OnGetAsync(string secret, CancellationToken ct)
    {
        if (!await LoadAsync(secret, ct))
        {
            return Gone();
        }
        EmailUpdates = _supporter!.EmailConsent is EmailConsentState.Granted or EmailConsentState.Pending;
        Channels = await MembershipsAsync(ct);
        ShowOnRelayBoard = _supporter.ShowOnRelayBoard;
        RelayBoardName = _supporter.RelayBoardName ?? Relais.Relays.RelayBoardNames.Default(_supporter.FirstName, _supporter.LastName);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string secret, CancellationToken ct)
    {
        if (!await LoadAsync(secret, ct))
        {
            return Gone();
        }
        var supporter = _supporter!;
        var now = clock.GetUtcNow();
        var language = LocalizationSetup.CurrentLanguage;
        var source = $"preferences:{_token!.Id}";
        Consent Record(string purpose, bool granted, string wording) => new()
        {
            OrganizationId = supporter.OrganizationId,
            SupporterId = supporter.Id,
            Purpose = purpose,
            Granted = granted,
            Wording = wording,
            WordingVersion = purpose == ConsentPurposes.EmailUpdates ? Relais.Consents.EmailUpdatesWording.Version : 1,
            Language = language,
            Source = source,
            RecordedAt = now,
        };

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var receiving = supporter.EmailConsent is EmailConsentState.Granted;
        if (EmailUpdates && !receiving)
        {
            // Following a link sent to the address proves it is theirs: no further confirmation needed.
            db.Consents.Add(Record(ConsentPurposes.EmailUpdates, true, EmailUpdatesWording));
            supporter.EmailConsent = EmailConsentState.Granted;
            await Relais.Messaging.Unsubscriptions.LiftUnsubscribeAsync(db, supporter.OrganizationId, supporter.NormalizedEmail, ct);
        }
        else if (!EmailUpdates && supporter.EmailConsent is EmailConsentState.Granted or EmailConsentState.Pending)
        {
            db.Consents.Add(Record(ConsentPurposes.EmailUpdates, false, EmailUpdatesWording));
            supporter.EmailConsent = EmailConsentState.Withdrawn;
        }

        var current = await MembershipsAsync(ct);
        foreach (var channel in OpenChannels)
        {
            var chosen = Channels.Contains(channel.Id);
            var member = current.Contains(channel.Id);
            if (chosen && !member)
            {
                db.ChannelMemberships.Add(new ChannelMembership
                {
                    ChannelId = channel.Id,
                    SupporterId = supporter.Id,
                    OrganizationId = supporter.OrganizationId,
                    Source = "choice",
                    JoinedAt = now,
                });
                db.Consents.Add(Record(ConsentPurposes.Channel(channel.Id), true, channel.Name));
            }
            else if (!chosen && member)
            {
                await db.ChannelMemberships.Where(m => m.ChannelId == channel.Id && m.SupporterId == supporter.Id).ExecuteDeleteAsync(ct);
                db.Consents.Add(Record(ConsentPurposes.Channel(channel.Id), false, channel.Name));
            }
        }
        supporter.ShowOnRelayBoard = ShowOnRelayBoard;
        if (ShowOnRelayBoard)
        {
            supporter.RelayBoardName = Relais.Relays.RelayBoardNames.Choose(RelayBoardName, supporter.FirstName, supporter.LastName);
        }
        RelayBoardName = supporter.RelayBoardName ?? Relais.Relays.RelayBoardNames.Default(supporter.FirstName, supporter.LastName);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        Channels = await MembershipsAsync(ct);
        EmailUpdates = supporter.EmailConsent == EmailConsentState.Granted;
        Saved = true;
        return Page();
    }

    private async Task<bool> LoadAsync(string secret, CancellationToken ct)
    {
        _token = await db.FindTokenAsync(secret, SupporterTokenPurpose.Preferences, ct);
        if (_token is null || _token.ExpiresAt <= clock.GetUtcNow())
        {
            return false;
        }
        _supporter = await db.Supporters.InOrganization(_token.OrganizationId)
            .SingleOrDefaultAsync(s => s.Id == _token.SupporterId && s.ErasedAt == null, ct);
        if (_supporter is null)
        {
            return false;
        }
        OrganizationName = await db.Organizations.Where(o => o.Id == _token.OrganizationId).Select(o => o.Name).SingleAsync(ct);
        EmailUpdatesWording = Relais.Consents.EmailUpdatesWording.For(LocalizationSetup.CurrentLanguage, OrganizationName);
        OpenChannels = await db.Channels.AsNoTracking().InOrganization(_token.OrganizationId)
            .Where(c => c.OpenToChoice).OrderBy(c => c.Name).ToListAsync(ct);
        Valid = true;
        return true;
    }

    private Task<List<Guid>> MembershipsAsync(CancellationToken ct) =>
        db.ChannelMemberships.InOrganization(_supporter!.OrganizationId)
            .Where(m => m.SupporterId == _supporter.Id).Select(m => m.ChannelId).ToListAsync(ct);

    private PageResult Gone()
    {
        Response.StatusCode = StatusCodes.Status410Gone;
        return Page();
    }
}
