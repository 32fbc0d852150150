using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Relais.Campaigns;
using Relais.Channels;
using Relais.Data;
using Relais.Ladder;
using Relais.Media;
using Relais.Organizations;
using Relais.Web.Campaigns;
using Relais.Web.Hosting;
using Relais.Web.Localization;
using Relais.Web.Members;

namespace Relais.Web.Pages.Admin.Campaigns;

/// <summary>The campaign canvas editor: the ten fields in each language, the petition and publishing.</summary>
[FormLimit(4 * 1024 * 1024)]
public sealed class EditModel(
    RelaisDb db,
    CurrentOrganization organization,
    CampaignPages pages,
    TimeProvider clock,
    IStringLocalizer<SharedResource> localizer) : PageModel
{
    [BindProperty]
    public CampaignDraft Input { get; set; } = new() { Languages = [Languages.French, Languages.English], PetitionGoal = 1_000 };

    [BindProperty]
    public IFormFile? HookImage { get; set; }

    [BindProperty]
    public bool RemoveHookImage { get; set; }

    /// <summary>The ladder rank of the campaign's petition, as posted (validated against the organization's levels).</summary>
    [BindProperty]
    public string? LadderRank { get; set; }

    /// <summary>The campaign's channel id, or empty for none (validated against the organization's channels).</summary>
    [BindProperty]
    public string? ChannelId { get; set; }

    public IReadOnlyList<LadderLevel> LadderLevels { get; private set; } = [];
    public IReadOnlyList<Channel> Channels { get; private set; } = [];

    public Campaign? Campaign { get; private set; }
    public bool CanEdit => organization.CanEdit;
    public IReadOnlyList<CampaignReadiness.Gap> Gaps { get; private set; } = [];
    public bool Saved { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid? id, bool saved, CancellationToken ct)
    {
        if (id is { } campaignId)
        {
            Campaign = await FindAsync(campaignId, ct);
            if (Campaign is null)
            {
                return NotFound();
            }
            Input = CampaignDraft.From(Campaign);
            Gaps = CampaignReadiness.Gaps(Campaign, Today);
            LadderRank = Campaign.Petition?.LadderRank.ToString(System.Globalization.CultureInfo.InvariantCulture);
            ChannelId = Campaign.ChannelId?.ToString();
        }
        else if (!CanEdit)
        {
            return Forbid();
        }
        LadderRank ??= new Relais.Petitions.Petition().LadderRank.ToString(System.Globalization.CultureInfo.InvariantCulture);
        await LoadChoicesAsync(ct);
        Saved = saved;
        return Page();
    }

    public async Task<IActionResult> OnPostSaveAsync(Guid? id, CancellationToken ct)
    {
        if (!CanEdit)
        {
            return Forbid();
        }
        if (id is { } campaignId)
        {
            Campaign = await FindAsync(campaignId, ct);
            if (Campaign is null)
            {
                return NotFound();
            }
        }
        ModelState.Clear();
        Input.Slug = Input.Slug?.Trim().ToLowerInvariant();
        if (string.IsNullOrEmpty(Input.Slug) && !string.IsNullOrWhiteSpace(Input.Fr.Title ?? Input.En.Title))
        {
            Input.Slug = CampaignCanvas.SlugFrom((Input.Fr.Title ?? Input.En.Title)!);
        }
        foreach (var error in Input.Validate())
        {
            ModelState.AddModelError($"{nameof(Input)}.{error.Field}", localizer[error.MessageKey]);
        }
        Image? image = null;
        if (HookImage is { Length: > 0 })
        {
            image = await ReadImageAsync(HookImage, ct);
            if (image is null)
            {
                ModelState.AddModelError(nameof(HookImage), localizer[CampaignMessages.ImageInvalid]);
            }
        }
        await LoadChoicesAsync(ct);
        var ladderRank = ReadLadderRank();
        var channelId = ReadChannel();
        if (ModelState.IsValid && await db.Campaigns.AnyAsync(c => c.Slug == Input.Slug && c.Id != id, ct))
        {
            ModelState.AddModelError($"{nameof(Input)}.{nameof(CampaignDraft.Slug)}", localizer[CampaignMessages.SlugTaken]);
        }
        if (!ModelState.IsValid)
        {
            return Invalid();
        }

        var now = clock.GetUtcNow();
        var previousSlug = Campaign?.Slug;
        var campaign = Campaign ?? new Campaign { OrganizationId = organization.Id, Slug = Input.Slug! };
        if (Campaign is null)
        {
            db.Campaigns.Add(campaign);
        }
        if (image is not null)
        {
            db.Images.Add(image);
            campaign.HookImageId = image.Id;
        }
        else if (RemoveHookImage)
        {
            campaign.HookImageId = null;
        }
        Input.ApplyTo(campaign, now);
        campaign.ChannelId = channelId;
        if (campaign.Petition is not null && ladderRank is { } rank)
        {
            campaign.Petition.LadderRank = rank;
        }
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Another organizer took the same address between our check and our save.
            ModelState.AddModelError($"{nameof(Input)}.{nameof(CampaignDraft.Slug)}", localizer[CampaignMessages.SlugTaken]);
            Campaign = campaign;
            return Invalid();
        }
        ForgetPublicPages(previousSlug, campaign.Slug);
        return Redirect($"/admin/campaigns/{campaign.Id}/edit?saved=true");
    }

    public Task<IActionResult> OnPostPublishAsync(Guid id, CancellationToken ct) =>
        ChangePublicationAsync(id, publish: true, ct);

    public Task<IActionResult> OnPostUnpublishAsync(Guid id, CancellationToken ct) =>
        ChangePublicationAsync(id, publish: false, ct);

    private async Task<IActionResult> ChangePublicationAsync(Guid id, bool publish, CancellationToken ct)
    {
        if (!CanEdit)
        {
            return Forbid();
        }
        var campaign = await FindAsync(id, ct);
        if (campaign is null)
        {
            return NotFound();
        }
        if (publish)
        {
            campaign.Publish(clock.GetUtcNow());
        }
        else
        {
            campaign.Unpublish(clock.GetUtcNow());
        }
        await db.SaveChangesAsync(ct);
        ForgetPublicPages(campaign.Slug, campaign.Slug);
        return Redirect($"/admin/campaigns/{campaign.Id}/edit?saved=true");
    }

    private async Task LoadChoicesAsync(CancellationToken ct)
    {
        LadderLevels = await db.EnsureAsync(organization.Id, ct);
        Channels = await db.Channels.AsNoTracking().InOrganization(organization.Id).OrderBy(c => c.Name).ToListAsync(ct);
    }

    /// <summary>The posted ladder rank if it names one of the organization's levels; an error otherwise (empty keeps the current one).</summary>
    private int? ReadLadderRank()
    {
        if (string.IsNullOrWhiteSpace(LadderRank))
        {
            return null;
        }
        if (int.TryParse(LadderRank, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var rank)
            && LadderLevels.Any(l => l.Rank == rank))
        {
            return rank;
        }
        ModelState.AddModelError(nameof(LadderRank), localizer["Choose one of your organization's ladder levels."]);
        return null;
    }

    /// <summary>The posted channel if it is one of the organization's; an error otherwise (empty means none).</summary>
    private Guid? ReadChannel()
    {
        if (string.IsNullOrWhiteSpace(ChannelId))
        {
            return null;
        }
        if (Guid.TryParse(ChannelId, out var channel) && Channels.Any(c => c.Id == channel))
        {
            return channel;
        }
        ModelState.AddModelError(nameof(ChannelId), localizer["Choose one of your organization's channels."]);
        return null;
    }

    private PageResult Invalid()
    {
        if (Campaign is not null)
        {
            Gaps = CampaignReadiness.Gaps(Campaign, Today);
        }
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    private Task<Campaign?> FindAsync(Guid id, CancellationToken ct) =>
        db.Campaigns.InOrganization(organization.Id)
            .Include(c => c.Texts)
            .Include(c => c.Petition)
            .SingleOrDefaultAsync(c => c.Id == id, ct);

    private async Task<Image?> ReadImageAsync(IFormFile file, CancellationToken ct)
    {
        if (file.Length > Image.MaxBytes)
        {
            return null;
        }
        using var buffer = new MemoryStream((int)file.Length);
        await file.CopyToAsync(buffer, ct);
        var bytes = buffer.ToArray();
        var contentType = Image.SniffContentType(bytes);
        return contentType is null ? null : new Image { OrganizationId = organization.Id, ContentType = contentType, Bytes = bytes };
    }

    private void ForgetPublicPages(string? previousSlug, string slug)
    {
        if (previousSlug is not null)
        {
            pages.Forget(previousSlug);
        }
        pages.Forget(slug);
    }

    private DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
}
