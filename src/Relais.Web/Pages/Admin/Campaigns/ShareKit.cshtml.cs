using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Relais.Campaigns;
using Relais.Data;
using Relais.Organizations;
using Relais.Sharing;
using Relais.Web.Hosting;
using Relais.Web.Localization;
using Relais.Web.Members;

namespace Relais.Web.Pages.Admin.Campaigns;

/// <summary>The share kit of a campaign's petition: ready-made posts per network and language.</summary>
[FormLimit(64 * 1024)]
public sealed class ShareKitModel(
    RelaisDb db,
    CurrentOrganization organization,
    TimeProvider clock,
    IStringLocalizer<SharedResource> localizer) : PageModel
{
    public Campaign Campaign { get; private set; } = null!;
    public IReadOnlyList<ShareKitPost> Posts { get; private set; } = [];
    public bool CanEdit => organization.CanEdit;

    [BindProperty]
    public string? Network { get; set; }

    [BindProperty]
    public string? Language { get; set; }

    [BindProperty]
    public string? Text { get; set; }

    /// <summary>The post being changed, for an update that was refused.</summary>
    public Guid? Editing { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }
        Language ??= Campaign.LanguageList.FirstOrDefault() ?? Languages.French;
        return Page();
    }

    public async Task<IActionResult> OnPostAddAsync(Guid id, CancellationToken ct)
    {
        if (!CanEdit)
        {
            return Forbid();
        }
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }
        if (!Validate(Network, Language, Text))
        {
            return Invalid();
        }
        var last = Posts.Where(p => p.Network == Network && p.Language == Language).Select(p => (int?)p.Position).Max();
        db.ShareKitPosts.Add(new ShareKitPost
        {
            OrganizationId = organization.Id,
            CampaignId = Campaign.Id,
            ActionId = Campaign.Petition!.Id,
            Network = Network!,
            Language = Language!,
            Text = Text!.Trim(),
            Position = (last ?? -1) + 1,
            UpdatedAt = clock.GetUtcNow(),
        });
        await db.SaveChangesAsync(ct);
        return Saved(id);
    }

    public async Task<IActionResult> OnPostUpdateAsync(Guid id, Guid post, CancellationToken ct)
    {
        if (!CanEdit)
        {
            return Forbid();
        }
        if (!await LoadAsync(id, ct) || Posts.SingleOrDefault(p => p.Id == post) is not { } row)
        {
            return NotFound();
        }
        if (!Validate(row.Network, row.Language, Text))
        {
            Editing = post;
            return Invalid();
        }
        row.Text = Text!.Trim();
        row.UpdatedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(ct);
        return Saved(id);
    }

    public async Task<IActionResult> OnPostMoveAsync(Guid id, Guid post, string? direction, CancellationToken ct)
    {
        if (!CanEdit)
        {
            return Forbid();
        }
        if (!await LoadAsync(id, ct) || Posts.SingleOrDefault(p => p.Id == post) is not { } row)
        {
            return NotFound();
        }
        var siblings = Posts.Where(p => p.Network == row.Network && p.Language == row.Language).ToList();
        var index = siblings.IndexOf(row);
        var other = direction switch
        {
            "up" when index > 0 => siblings[index - 1],
            "down" when index < siblings.Count - 1 => siblings[index + 1],
            _ => null,
        };
        if (other is not null)
        {
            // Positions are renumbered from the list's order, so gaps left by deletions close here.
            var otherIndex = siblings.IndexOf(other);
            (siblings[index], siblings[otherIndex]) = (other, row);
            for (var i = 0; i < siblings.Count; i++)
            {
                siblings[i].Position = i;
            }
            await db.SaveChangesAsync(ct);
        }
        return Saved(id);
    }

    public async Task<IActionResult> OnPostDeleteAsync(Guid id, Guid post, CancellationToken ct)
    {
        if (!CanEdit)
        {
            return Forbid();
        }
        if (!await LoadAsync(id, ct) || Posts.SingleOrDefault(p => p.Id == post) is not { } row)
        {
            return NotFound();
        }
        db.ShareKitPosts.Remove(row);
        await db.SaveChangesAsync(ct);
        return Saved(id);
    }

    private bool Validate(string? network, string? language, string? text)
    {
        ModelState.Clear();
        if (Campaign.Petition is null)
        {
            ModelState.AddModelError(string.Empty, localizer["A share kit belongs to an action: add a petition to the campaign first."]);
        }
        foreach (var error in ShareText.Validate(network, language, text))
        {
            ModelState.AddModelError(nameof(Text), localizer[error.MessageKey, error.Arguments]);
        }
        return ModelState.IsValid;
    }

    private PageResult Invalid()
    {
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    private RedirectResult Saved(Guid id) => Redirect($"/admin/campaigns/{id}/share-kit?saved=true");

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        var campaign = await db.Campaigns.InOrganization(organization.Id)
            .Include(c => c.Texts)
            .Include(c => c.Petition)
            .SingleOrDefaultAsync(c => c.Id == id, ct);
        if (campaign is null)
        {
            return false;
        }
        Campaign = campaign;
        Posts = await db.ShareKitPosts
            .Where(p => p.OrganizationId == organization.Id && p.CampaignId == id)
            .OrderBy(p => p.Language).ThenBy(p => p.Network).ThenBy(p => p.Position)
            .ToListAsync(ct);
        return true;
    }
}
