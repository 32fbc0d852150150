using Relais.Activities;

namespace Relais.Web.Ladder;

/// <summary>What each activity type is called in the admin, as a localizer key.</summary>
public static class ActivityLabels
{
    public static string Of(ActivityType type) => type switch
    {
        ActivityType.Signed => "Signed",
        ActivityType.Donated => "Donated",
        ActivityType.Pledged => "Pledged",
        ActivityType.Rsvped => "RSVPed to an event",
        ActivityType.Attended => "Attended",
        ActivityType.Hosted => "Hosted an event",
        ActivityType.Shared => "Shared",
        ActivityType.Referred => "Referred someone (a share that converted)",
        ActivityType.Submitted => "Submitted (used the toolkit)",
        ActivityType.Subscribed => "Subscribed",
        ActivityType.Unsubscribed => "Unsubscribed",
        ActivityType.Opened => "Opened an email",
        _ => "Clicked in an email",
    };
}
