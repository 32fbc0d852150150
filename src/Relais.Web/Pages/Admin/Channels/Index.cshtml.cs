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

public sealed record ChannelRow(Guid Id, string Name, string Slug, string? Country, string? Topic, bool OpenToChoice, int Members);

/// <summary>The organization's channels (audiences by country and topic) with their member counts.</summary>
public sealed class IndexModel(RelaisDb db, CurrentOrganization organization, TimeProvider clock, IStringLocalizer<SharedResource> localizer) : PageModel
{
    [BindProperty]
    public ChannelForm Input { get; set; } = new();

    public IReadOnlyList<ChannelRow> Rows { get; private set; } = [];
    public bool CanEdit => organization.CanEdit;

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!CanEdit)
        {
            return Forbid();
        }
        ModelState.Clear();
        foreach (var error in Input.Validate())
        {
            ModelState.AddModelError($"{nameof(Input)}.{error.Field}", localizer[error.MessageKey]);
        }
        if (ModelState.IsValid)
        {
            var channel = new Channel { OrganizationId = organization.Id, Name = "", Slug = "", CreatedAt = clock.GetUtcNow() };
            Input.ApplyTo(channel);
            db.Channels.Add(channel);
            if (await ChannelNames.SaveAsync(db, organization.Id, channel, ct) is not { } clash)
            {
                return Redirect($"/admin/channels/{channel.Id}");
            }
            db.ChangeTracker.Clear();
            ModelState.AddModelError($"{nameof(Input)}.{(clash == SupporterMessages.ChannelNameTaken ? nameof(ChannelForm.Name) : nameof(ChannelForm.Slug))}", localizer[clash]);
        }
        Response.StatusCode = StatusCodes.Status400BadRequest;
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var channels = await db.Channels.InOrganization(organization.Id).AsNoTracking().OrderBy(c => c.Name).ToListAsync(ct);
        var counts = await db.ChannelMemberships.InOrganization(organization.Id)
            .GroupBy(m => m.ChannelId).Select(g => new { ChannelId = g.Key, Count = g.Count() })
            .ToDictionaryAsync(c => c.ChannelId, c => c.Count, ct);
        Rows = channels.Select(c => new ChannelRow(c.Id, c.Name, c.Slug, c.Country, c.Topic, c.OpenToChoice, counts.GetValueOrDefault(c.Id))).ToList();
    }
}
