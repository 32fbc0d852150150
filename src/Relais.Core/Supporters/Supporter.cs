using Relais.Consents;
using Relais.Organizations;

namespace Relais.Supporters;

/// <summary>One person, deduplicated by normalized email within an organization.</summary>
public sealed class Supporter : IOrganizationOwned
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid OrganizationId { get; set; }
    public required string Email { get; set; }
    public required string NormalizedEmail { get; set; }
    public string FirstName { get; set; } = "";
    public string LastName { get; set; } = "";
    /// <summary>Street and number, as a donor gives it for a tax receipt.</summary>
    public string? StreetAddress { get; set; }

    public string? PostalCode { get; set; }

    /// <summary>ISO 3166-1 alpha-2 code.</summary>
    public string? Country { get; set; }

    public string? City { get; set; }
    public string? Phone { get; set; }
    public string Language { get; set; } = Languages.French;
    public DateTimeOffset CreatedAt { get; init; } = DateTimeOffset.UtcNow;

    /// <summary>The last real contact: an action taken, an email opened or clicked, a reply.</summary>
    public DateTimeOffset LastActiveAt { get; set; } = DateTimeOffset.UtcNow;

    /// <summary>
    /// The current state of the email-updates consent, kept beside the append-only ledger (the
    /// <see cref="Consent"/> rows) in the same transaction, so that segments and sends
    /// read one column instead of the latest ledger row per person.
    /// </summary>
    public EmailConsentState EmailConsent { get; set; } = EmailConsentState.None;

    /// <summary>Rank of the ladder level the supporter stands on; 0 before any placement.</summary>
    public int LadderRank { get; set; }

    /// <summary>When the ladder last placed this supporter; older than <see cref="LastActiveAt"/> (or null) means due.</summary>
    public DateTimeOffset? LadderEvaluatedAt { get; set; }

    /// <summary>Set when the person's data was erased at their request or by retention; the row stays for counts.</summary>
    public DateTimeOffset? ErasedAt { get; set; }

    /// <summary>
    /// The relay who brought this person, set once when a signature through a relay link created the
    /// record; an existing supporter is never re-parented, so the relay tree stays acyclic.
    /// </summary>
    public Guid? ReferredById { get; set; }

    /// <summary>The supporter chose to appear on the public board of top relays.</summary>
    public bool ShowOnRelayBoard { get; set; }

    /// <summary>The name shown on that board (first name and initial unless they chose another).</summary>
    public string? RelayBoardName { get; set; }

    public string FullName => $"{FirstName} {LastName}".Trim();
}
