using Microsoft.Extensions.Localization;
using Relais.Actions;
using Relais.Messaging;
using Relais.Web.Localization;

namespace Relais.Web.Automations;

/// <summary>How the admin pages name each automatic email, and which kind of action can have its own wording of it.</summary>
public static class AutomationNames
{
    public static string Name(IStringLocalizer<SharedResource> localizer, string kind) => kind switch
    {
        EmailTemplateKinds.ThankYou => localizer["Thank-you after a signature"],
        EmailTemplateKinds.ThankYouGift => localizer["Thank-you after a gift"],
        EmailTemplateKinds.ThankYouPledge => localizer["Thank-you after an in-kind pledge"],
        EmailTemplateKinds.ThankYouPage => localizer["Thank-you after opening a fundraising page"],
        _ => localizer["Subscription confirmation (double opt-in)"],
    };

    public static string Hint(IStringLocalizer<SharedResource> localizer, string kind) => kind switch
    {
        EmailTemplateKinds.ThankYou => localizer["Sent after every signature, with the person's share link and their next step on the ladder."],
        EmailTemplateKinds.ThankYouGift => localizer["Sent once a gift is received (paid online, or marked received for an offline promise), with the donor's share link and their next step."],
        EmailTemplateKinds.ThankYouPledge => localizer["Sent after every in-kind pledge, with the person's share link and their next step."],
        EmailTemplateKinds.ThankYouPage => localizer["Sent when someone opens a personal fundraising page, with their share link and their next step."],
        _ => localizer["Sent when someone asks for email updates and your organization requires double opt-in. It cannot be switched off."],
    };

    /// <summary>The kind of action whose actions may each have their own wording of <paramref name="kind"/> (null: any action).</summary>
    public static ActionType? ActionTypeOf(string kind) => kind switch
    {
        EmailTemplateKinds.ThankYou => ActionType.Petition,
        EmailTemplateKinds.ThankYouGift or EmailTemplateKinds.ThankYouPage => ActionType.Fundraiser,
        EmailTemplateKinds.ThankYouPledge => ActionType.Drive,
        _ => null,
    };
}
