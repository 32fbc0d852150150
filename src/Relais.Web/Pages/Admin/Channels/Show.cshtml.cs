using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Relais.Channels;
using Relais.Data;
using Relais.Organizations;
using Relais.Web.Localization;
using Relais.Web.Members;
using Relais.Web.Supporters;

namespace Relais.Web.Pages.Admin.Channels;

/// <summary>One channel and its member count; organizers edit or delete it here.</summary>
public sealed class ShowModel(RelaisDb db, CurrentOrganization organization, IStringLocalizer<SharedResource> localizer) : PageModel
{
    [BindProperty]
    public ChannelForm Input { get; set; } = new();

    public Channel Channel { get; private set; } = null!;
    public int MemberCount { get; private set; }
    public int CampaignCount { get; private set; }
    public bool CanEdit => organization.CanEdit;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }
        Input = ChannelForm.From(Channel);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        if (!CanEdit)
        {
            return Forbid();
        }
        var channel = await db.Channels.InOrganization(organization.Id).SingleOrDefaultAsync(c => c.Id == id, ct);
        if (channel is null)
        {
            return NotFound();
        }
        ModelState.Clear();
        foreach (var error in Input.Validate())
        {
            ModelState.AddModelError($"{nameof(Input)}.{error.Field}", localizer[error.MessageKey]);
        }
        if (ModelState.IsValid)
        {
            Input.ApplyTo(channel);
            if (await ChannelNames.SaveAsync(db, organization.Id, channel, ct) is not { } clash)
            {
                return Redirect($"/admin/channels/{id}");
            }
            ModelState.AddModelError($"{nameof(Input)}.{(clash == SupporterMessages.ChannelNameTaken ? nameof(ChannelForm.Name) : nameof(ChannelForm.Slug))}", localizer[clash]);
        }
        db.ChangeTracker.Clear();
        await LoadAsync(id, ct);
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    public async Task<IActionResult> OnPostDeleteAsync(Guid id, CancellationToken ct)
    {
        if (!CanEdit)
        {
            return Forbid();
        }
        // Memberships go with it; campaigns that spoke to it keep going without a channel (set null).
        var deleted = await db.Channels.InOrganization(organization.Id).Where(c => c.Id == id).ExecuteDeleteAsync(ct);
        return deleted == 0 ? NotFound() : Redirect("/admin/channels");
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        var channel = await db.Channels.InOrganization(organization.Id).AsNoTracking().SingleOrDefaultAsync(c => c.Id == id, ct);
        if (channel is null)
        {
            return false;
        }
        Channel = channel;
        MemberCount = await db.ChannelMemberships.InOrganization(organization.Id).CountAsync(m => m.ChannelId == id, ct);
        CampaignCount = await db.Campaigns.InOrganization(organization.Id).CountAsync(c => c.ChannelId == id, ct);
        return true;
    }
}
