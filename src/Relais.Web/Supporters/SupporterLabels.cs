using Microsoft.Extensions.Localization;
using Relais.Activities;
using Relais.Consents;
using Relais.Groups;
using Relais.Web.Localization;

namespace Relais.Web.Supporters;

/// <summary>The words shown for the states of supporters, in the page's language.</summary>
public static class SupporterLabels
{
    public static string Of(this IStringLocalizer<SharedResource> localizer, ActivityType type) => type switch
    {
        ActivityType.Signed => localizer["Signed"],
        ActivityType.Donated => localizer["Donated"],
        ActivityType.Pledged => localizer["Pledged"],
        ActivityType.Rsvped => localizer["registered for an event"],
        ActivityType.Attended => localizer["Attended"],
        ActivityType.Hosted => localizer["Hosted"],
        ActivityType.Shared => localizer["Shared"],
        ActivityType.Referred => localizer["Referred someone"],
        ActivityType.Submitted => localizer["Submitted"],
        ActivityType.Subscribed => localizer["Subscribed"],
        ActivityType.Unsubscribed => localizer["Unsubscribed"],
        ActivityType.Opened => localizer["Opened an email"],
        _ => localizer["clicked a link"],
    };

    public static string Of(this IStringLocalizer<SharedResource> localizer, EmailConsentState state) => state switch
    {
        EmailConsentState.Granted => localizer["consented"],
        EmailConsentState.Pending => localizer["awaiting confirmation"],
        EmailConsentState.Withdrawn => localizer["withdrawn"],
        _ => localizer["no consent"],
    };

    public static string Of(this IStringLocalizer<SharedResource> localizer, GroupRole role) =>
        role == GroupRole.Leader ? localizer["leader"] : localizer["member"];

    public static string Purpose(this IStringLocalizer<SharedResource> localizer, string purpose) => purpose switch
    {
        ConsentPurposes.EmailUpdates => localizer["Email updates"],
        ConsentPurposes.PetitionSignature => localizer["petition signature"],
        _ => purpose,
    };
}
