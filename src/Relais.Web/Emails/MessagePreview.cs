using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Relais.Data;
using Relais.Messaging;
using Relais.Organizations;
using Relais.Web.Localization;

namespace Relais.Web.Emails;

/// <summary>A message as one person will get it: who, in which language, and the complete email.</summary>
public sealed record PreviewedEmail(string To, string Language, string Preheader, OutgoingEmail Email);

/// <summary>
/// Renders a saved message for one supporter (their language and merge values, through
/// <see cref="RecipientValues"/>) or, without one, for a sample person. Links are not counted.
/// </summary>
public sealed class MessagePreview(
    RelaisDb db, RecipientValues recipients, BulkEmails bulk, IOptions<PublicUrlOptions> url)
{
    public async Task<PreviewedEmail?> RenderAsync(Message message, Guid? supporterId, CancellationToken ct)
    {
        var versions = await db.MessageVersions.AsNoTracking().Where(v => v.MessageId == message.Id).ToListAsync(ct);
        if (versions.Count == 0)
        {
            return null;
        }
        Recipient? recipient = null;
        if (supporterId is { } id)
        {
            // The personal links carry no message id: following one from a preview or a test does not count for the message.
            recipient = (await recipients.LoadAsync(message.OrganizationId, message.CampaignId, null, [id], ct)).SingleOrDefault();
            if (recipient is null)
            {
                return null;
            }
        }
        var wanted = recipient?.Language ?? LocalizationSetup.CurrentLanguage;
        // A supporter gets the version of their language, else the other one.
        var version = versions.FirstOrDefault(v => v.Language == wanted) ?? versions.OrderBy(v => v.Language == Languages.French ? 0 : 1).First();
        var parsed = MergeTemplate.Parse(version.Subject, version.Preheader, version.Body);
        if (parsed.Template is not { } template)
        {
            return null;
        }
        var values = recipient?.Values ?? await SampleAsync(message, version.Language, ct);
        var rendered = template.Render(values with { TrackedLinkPrefix = null });
        var organization = await db.Organizations.Where(o => o.Id == message.OrganizationId).Select(o => o.Name).SingleAsync(ct);
        var footer = bulk.Footer(version.Language, organization, values);
        var to = recipient?.Email ?? "";
        return new PreviewedEmail(to, version.Language, rendered.Preheader, EmailLayout.Wrap(to, rendered, version.Language, footer));
    }

    /// <summary>Values for a made-up supporter, with the real campaign's figures when the message has one.</summary>
    private async Task<MergeValues> SampleAsync(Message message, string language, CancellationToken ct)
    {
        var culture = CultureInfo.GetCultureInfo(language);
        var home = url.Value.Link("/");
        var sample = new MergeValues
        {
            FirstName = "Camille",
            LastName = "Martin",
            RelayLink = home,
            NextStep = "…",
            NextStepLink = home,
            Counter = 1_234.ToString("N0", culture),
            Goal = 2_000.ToString("N0", culture),
            CampaignTitle = "…",
            CampaignLink = home,
            PreferencesLink = home,
            UnsubscribeLink = home,
        };
        if (message.CampaignId is not { } campaignId)
        {
            return sample;
        }
        var campaign = await db.Campaigns.AsNoTracking().InOrganization(message.OrganizationId).Include(c => c.Texts)
            .SingleOrDefaultAsync(c => c.Id == campaignId, ct);
        if (campaign is null)
        {
            return sample;
        }
        var link = url.Value.Link("/c/" + Uri.EscapeDataString(campaign.Slug));
        return sample with { CampaignLink = link, RelayLink = link, CampaignTitle = campaign.TextFor(language)?.Title ?? campaign.Slug };
    }
}
