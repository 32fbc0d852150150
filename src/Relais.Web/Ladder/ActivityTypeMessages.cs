using Relais.Activities;

namespace Relais.Web.Ladder;

/// <summary>What each activity type is called in the admin: message keys the localizer translates.</summary>
public static class ActivityTypeMessages
{
    public const string Signed = "Signed";
    public const string Donated = "Donated";
    public const string Pledged = "Pledged";
    public const string Rsvped = "RSVPed to an event";
    public const string Attended = "Attended";
    public const string Hosted = "Hosted an event";
    public const string Shared = "Shared";
    public const string Referred = "Referred someone (a share that converted)";
    public const string Submitted = "Submitted (used the toolkit)";
    public const string Subscribed = "Subscribed";
    public const string Unsubscribed = "Unsubscribed";
    public const string Opened = "Opened an email";
    public const string Clicked = "Clicked in an email";

    public static string Of(ActivityType type) => type switch
    {
        ActivityType.Signed => Signed,
        ActivityType.Donated => Donated,
        ActivityType.Pledged => Pledged,
        ActivityType.Rsvped => Rsvped,
        ActivityType.Attended => Attended,
        ActivityType.Hosted => Hosted,
        ActivityType.Shared => Shared,
        ActivityType.Referred => Referred,
        ActivityType.Submitted => Submitted,
        ActivityType.Subscribed => Subscribed,
        ActivityType.Unsubscribed => Unsubscribed,
        ActivityType.Opened => Opened,
        _ => Clicked,
    };
}
