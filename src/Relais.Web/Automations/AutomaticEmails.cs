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
            : new AutomaticWording(
                localizer[ThankYouEmailMessages.ThankYouSubject].Value,
                localizer[ThankYouEmailMessages.ThankYouPreheader].Value,
                Paragraphs(
                    localizer[ThankYouEmailMessages.ThankYouHello].Value,
                    localizer[ThankYouEmailMessages.ThankYouThanks].Value,
                    localizer[ThankYouEmailMessages.ThankYouShare].Value,
                    ShareLink,
                    localizer[ThankYouEmailMessages.ThankYouNextStep].Value),
                true,
                WordingSource.Default));

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
