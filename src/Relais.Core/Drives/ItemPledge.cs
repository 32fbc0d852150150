using System.Security.Cryptography;
using Relais.Organizations;

namespace Relais.Drives;

public enum PledgeStatus
{
    Pledged,
    PartlyReceived,
    Received,
    Cancelled,
}

/// <summary>A supporter's promise to bring a quantity of an item to a drop-off point on a date.</summary>
public sealed class ItemPledge : IOrganizationOwned
{
    public const int CodeLength = 22;
    public const int MaxQuantity = 100_000;

    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid OrganizationId { get; set; }
    public Guid DriveId { get; set; }
    public Guid NeedId { get; set; }
    public Guid SupporterId { get; set; }
    public Guid DropOffPointId { get; set; }
    public DateOnly DropOffDate { get; set; }
    public int Quantity { get; set; }

    /// <summary>Random, unguessable: it is what the pledge's QR code carries and what its confirmation page is found by.</summary>
    public string Code { get; init; } = NewCode();

    public PledgeStatus Status { get; set; }

    /// <summary>Accepted although the need was already met (or would be exceeded): the organizer sees it flagged.</summary>
    public bool IsBeyondNeed { get; set; }

    /// <summary>What the effective receptions of this pledge add up to.</summary>
    public long ReceivedQuantity { get; set; }

    public string Language { get; set; } = Languages.French;

    /// <summary>The token of the form that made it (<see cref="Actions.FormTokens"/>): unique per drive, so a form posted twice makes one pledge.</summary>
    public string? IdempotencyKey { get; init; }

    /// <summary>Set once, by a conditional update, when the reminder is queued: it is never sent twice.</summary>
    public DateTimeOffset? ReminderSentAt { get; set; }

    public DateTimeOffset CreatedAt { get; init; } = DateTimeOffset.UtcNow;

    public static string NewCode() => Base64Url(RandomNumberGenerator.GetBytes(16));

    public static bool LooksLikeCode(string? code) =>
        code is { Length: CodeLength } && code.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');

    private static string Base64Url(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}

/// <summary>
/// One line of the append-only reception history: items received at a drop-off, for a pledge or a
/// walk-in gift. A correction is a new line that supersedes an earlier one (at most once: unique in
/// the database); the superseded line stays, and totals count only lines not superseded.
/// </summary>
public sealed class DriveReception : IOrganizationOwned
{
    public const int RecordedByMax = 320;
    public const int NoteMax = 300;

    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid OrganizationId { get; init; }
    public Guid DriveId { get; init; }
    public Guid NeedId { get; init; }
    public Guid? PledgeId { get; init; }
    public int Quantity { get; init; }

    /// <summary>The line this one corrects, if it is a correction.</summary>
    public Guid? SupersedesId { get; init; }

    /// <summary>The member who recorded it (their email, kept even if the account goes).</summary>
    public string RecordedBy { get; init; } = "";

    public DateTimeOffset RecordedAt { get; init; } = DateTimeOffset.UtcNow;
    public string? Note { get; init; }
}
