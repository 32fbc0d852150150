using Relais.Organizations;

namespace Relais.Messaging;

/// <summary>The automatic emails an organization can edit.</summary>
public static class EmailTemplateKinds
{
    /// <summary>After a signature: thanks, the share kit link and the ladder's next step.</summary>
    public const string ThankYou = "thank-you";

    /// <summary>After a gift succeeded.</summary>
    public const string ThankYouGift = "thank-you-gift";

    /// <summary>After an in-kind pledge.</summary>
    public const string ThankYouPledge = "thank-you-pledge";

    /// <summary>After opening a personal fundraising page.</summary>
    public const string ThankYouPage = "thank-you-page";

    /// <summary>The double opt-in link.</summary>
    public const string ConfirmSubscription = "confirm-subscription";

    /// <summary>The thank-yous, one per kind of action (each action can have its own wording too).</summary>
    public static readonly IReadOnlyList<string> ThankYous = [ThankYou, ThankYouGift, ThankYouPledge, ThankYouPage];

    public static readonly IReadOnlyList<string> All = [.. ThankYous, ConfirmSubscription];

    public static bool IsThankYou(string kind) => ThankYous.Contains(kind);

    /// <summary>The thank-you that follows an activity.</summary>
    public static string ThankYouFor(Activities.ActivityType type) => type switch
    {
        Activities.ActivityType.Donated => ThankYouGift,
        Activities.ActivityType.Pledged => ThankYouPledge,
        Activities.ActivityType.Hosted => ThankYouPage,
        _ => ThankYou,
    };
}

/// <summary>
/// An organization's wording of an automatic email in one language, for all its actions
/// (<see cref="ActionId"/> empty) or for one action; without a row, Relais's default wording is sent.
/// </summary>
public sealed class EmailTemplate : IOrganizationOwned
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid OrganizationId { get; init; }
    public required string Kind { get; init; }

    /// <summary>The action (petition…) this wording is for; <see cref="Guid.Empty"/> for every action.</summary>
    public Guid ActionId { get; init; }

    public required string Language { get; init; }
    public string Subject { get; set; } = "";
    public string Preheader { get; set; } = "";
    public string Body { get; set; } = "";

    /// <summary>False stops this automatic email (never the double opt-in, which the law needs).</summary>
    public bool Enabled { get; set; } = true;

    public DateTimeOffset UpdatedAt { get; set; } = DateTimeOffset.UtcNow;
}

/// <summary>Who an organization's emails come from, how they are signed, and how often people may receive bulk email.</summary>
public sealed class EmailSettings : IOrganizationOwned
{
    public const int FromNameMax = 200;
    public const int AddressMax = 254;
    public const int DomainMax = 253;
    public const int SelectorMax = 63;
    public const int KeyMax = 8_000;

    public Guid OrganizationId { get; init; }

    /// <summary>Empty: the server-wide sender (Relais:Smtp:FromName / FromAddress).</summary>
    public string? FromName { get; set; }

    public string? FromAddress { get; set; }
    public string? ReplyTo { get; set; }

    /// <summary>At most this many bulk emails per person in 7 days; 0 means no cap.</summary>
    public int WeeklyCap { get; set; } = 3;

    /// <summary>DKIM: the signing domain (d=), the selector (s=) and the RSA private key in PEM; all three or none.</summary>
    public string? DkimDomain { get; set; }

    public string? DkimSelector { get; set; }
    public string? DkimPrivateKeyPem { get; set; }

    public DateTimeOffset UpdatedAt { get; set; } = DateTimeOffset.UtcNow;
}
