using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Relais.Data;
using Relais.Messaging;
using Relais.Organizations;
using Relais.Web.Emails;
using Relais.Web.Localization;

namespace Relais.Web.Automations;

/// <summary>The default words of the automatic emails, as keys of the French resources (English is the key).</summary>
public static class ThankYouEmailMessages
{
    public const string ThankYouSubject = "Thank you for signing, {{ first_name }}!";
    public const string ThankYouPreheader = "Your signature counts. Here is how to make it count twice.";
    public const string ThankYouHello = "Hello {{ first_name }},";
    public const string ThankYouThanks = "Thank you for signing “{{ campaign_title }}”. {{ counter }} people have signed so far.";
    public const string ThankYouShare = "**Bring others with you.** Share your personal link: everyone who signs through it counts for you.";
    public const string ThankYouNextStep = "**Your next step:** [{{ next_step }}]({{ next_step_link }})";
    public const string InviteFriends = "Invite your friends to sign";
    public const string GiftSubject = "Thank you for your gift, {{ first_name }}!";
    public const string GiftPreheader = "Your gift is received. Here is how to make it go further.";
    public const string GiftThanks = "Thank you for your gift to “{{ campaign_title }}”. {{ counter }} people have given so far.";
    public const string PledgeSubject = "Thank you for your pledge, {{ first_name }}!";
    public const string PledgePreheader = "Your pledge is recorded. Here is how to make it go further.";
    public const string PledgeThanks = "Thank you for pledging to bring items for “{{ campaign_title }}”. Bring them on the day you chose: the drive counts on them.";
    public const string PageSubject = "Your fundraising page is open, {{ first_name }}!";
    public const string PagePreheader = "Share it: every gift through your page shows on it.";
    public const string PageThanks = "Thank you for opening a fundraising page for “{{ campaign_title }}”. Share it with the people around you: every gift through it shows on your page.";
    public const string ShareAny = "**Bring others with you.** Share your personal link: everyone who acts through it counts for you.";
    public const string FooterReason = "You receive this email because you took action with {0}.";
    public const string FooterPreferences = "Choose what you receive";
    public const string FooterUnsubscribe = "Unsubscribe";
}

/// <summary>Where a wording comes from: Relais's default, the organization's (every action), or one action's override.</summary>
public enum WordingSource
{
    Default,
    Organization,
    Action,
}

/// <summary>The wording of an automatic email in one language.</summary>
public sealed record AutomaticWording(string Subject, string Preheader, string Body, bool Enabled, WordingSource Source);

/// <summary>Finds the wording an automatic email is sent with: the action's override, else the organization's, else the default.</summary>
public sealed class AutomaticEmails(RelaisDb db, IStringLocalizer<SharedResource> localizer)
{
    /// <summary>The relay link as its own label, so the text part shows the address once.</summary>
    private const string ShareLink = "[{{ relay_link }}]({{ relay_link }})";

    /// <summary>The organization's own wording (the action's when there is one); null when it never wrote one.</summary>
    public async Task<AutomaticWording?> FindAsync(Guid organizationId, string kind, Guid? actionId, string language, CancellationToken ct)
    {
        var action = actionId ?? Guid.Empty;
        var rows = await db.EmailTemplates.AsNoTracking()
            .Where(t => t.OrganizationId == organizationId && t.Kind == kind && t.Language == language
                && (t.ActionId == Guid.Empty || t.ActionId == action))
            .ToListAsync(ct);
        var row = rows.FirstOrDefault(t => t.ActionId != Guid.Empty) ?? rows.FirstOrDefault();
        return row is null
            ? null
            : new AutomaticWording(row.Subject, row.Preheader, row.Body, row.Enabled || !AutomaticEmailRules.CanDisable(kind),
                row.ActionId == Guid.Empty ? WordingSource.Organization : WordingSource.Action);
    }

    /// <summary>What Relais sends when the organization wrote nothing, in <paramref name="language"/>.</summary>
    public AutomaticWording Default(string kind, string language, string organizationName) => InLanguage.Run(language, () =>
        kind == EmailTemplateKinds.ConfirmSubscription
            ? new AutomaticWording(
                localizer[SupporterEmailMessages.ConfirmSubject, organizationName].Value,
                "",
                Paragraphs(
                    localizer[SupporterEmailMessages.ConfirmIntro, organizationName].Value,
                    $"[{localizer[SupporterEmailMessages.ConfirmButton].Value}]({{{{ {MergeFields.ConfirmLink} }}}})",
                    localizer[SupporterEmailMessages.ConfirmNote].Value),
                true,
                WordingSource.Default)
            : ThankYou(kind));

    /// <summary>The default thank-you of each kind of action, in the current culture.</summary>
    private AutomaticWording ThankYou(string kind)
    {
        var (subject, preheader, thanks, share) = kind switch
        {
            EmailTemplateKinds.ThankYouGift => (ThankYouEmailMessages.GiftSubject, ThankYouEmailMessages.GiftPreheader, ThankYouEmailMessages.GiftThanks, ThankYouEmailMessages.ShareAny),
            EmailTemplateKinds.ThankYouPledge => (ThankYouEmailMessages.PledgeSubject, ThankYouEmailMessages.PledgePreheader, ThankYouEmailMessages.PledgeThanks, ThankYouEmailMessages.ShareAny),
            EmailTemplateKinds.ThankYouPage => (ThankYouEmailMessages.PageSubject, ThankYouEmailMessages.PagePreheader, ThankYouEmailMessages.PageThanks, ThankYouEmailMessages.ShareAny),
            _ => (ThankYouEmailMessages.ThankYouSubject, ThankYouEmailMessages.ThankYouPreheader, ThankYouEmailMessages.ThankYouThanks, ThankYouEmailMessages.ThankYouShare),
        };
        return new AutomaticWording(
            localizer[subject].Value,
            localizer[preheader].Value,
            Paragraphs(
                localizer[ThankYouEmailMessages.ThankYouHello].Value,
                localizer[thanks].Value,
                localizer[share].Value,
                ShareLink,
                localizer[ThankYouEmailMessages.ThankYouNextStep].Value),
            true,
            WordingSource.Default);
    }

    /// <summary>The words around the body of an automatic email.</summary>
    public EmailFooter Footer(string language, string organizationName, string preferencesLink, string unsubscribeLink) => InLanguage.Run(language, () =>
        new EmailFooter(
            organizationName,
            localizer[ThankYouEmailMessages.FooterReason, organizationName].Value,
            localizer[ThankYouEmailMessages.FooterUnsubscribe].Value,
            unsubscribeLink,
            localizer[ThankYouEmailMessages.FooterPreferences].Value,
            preferencesLink));

    /// <summary>A resource string in <paramref name="language"/>.</summary>
    public string Text(string language, string key) => InLanguage.Run(language, () => localizer[key].Value);

    private static string Paragraphs(params string[] paragraphs) => string.Join("\n\n", paragraphs);
}
