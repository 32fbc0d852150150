using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Relais.Data;
using Relais.Messaging;
using Relais.Organizations;
using Relais.Web.Members;

namespace Relais.Web.Pages.Admin.Messages;

/// <summary>
/// Start (now or at a time), pause, resume and cancel a send, posted from the message's page. A
/// refusal shows why, with a 400, and changes nothing; success leads to the progress page.
/// </summary>
public sealed class ProgressActionsModel(
    RelaisDb db,
    CurrentOrganization organization,
    MessageSends sends,
    IOptions<DeliveryOptions> options,
    IStringLocalizer<SharedResource> localizer) : PageModel
{
    public Guid MessageId { get; private set; }
    public string MessageName { get; private set; } = "";
    public string? Error { get; private set; }

    public IActionResult OnGet(Guid id) => Redirect($"/admin/messages/{id}/progress");

    public async Task<IActionResult> OnPostAsync(Guid id, string verb, string? scheduledAt, CancellationToken ct)
    {
        var name = await db.Messages.AsNoTracking().InOrganization(organization.Id).Where(m => m.Id == id).Select(m => m.Name).SingleOrDefaultAsync(ct);
        if (name is null)
        {
            return NotFound();
        }
        if (!organization.CanEdit)
        {
            return Forbid();
        }
        MessageId = id;
        MessageName = name;
        SendRefusal? refusal;
        switch (verb)
        {
            case "send":
                DateTimeOffset? at = null;
                if (!string.IsNullOrWhiteSpace(scheduledAt))
                {
                    if (!DateTime.TryParseExact(scheduledAt.Trim(), ["yyyy-MM-ddTHH:mm", "yyyy-MM-ddTHH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
                    {
                        return Refuse(new SendRefusal(SendMessages.BadSchedule));
                    }
                    var zone = options.Value.Zone;
                    at = new DateTimeOffset(local, zone.GetUtcOffset(local));
                }
                refusal = await sends.StartAsync(organization.Id, id, at, ct);
                break;
            case "pause":
                refusal = await sends.PauseAsync(organization.Id, id, ct);
                break;
            case "resume":
                refusal = await sends.ResumeAsync(organization.Id, id, ct);
                break;
            default:
                refusal = await sends.CancelAsync(organization.Id, id, ct);
                break;
        }
        return refusal is null ? Redirect($"/admin/messages/{id}/progress") : Refuse(refusal);
    }

    private PageResult Refuse(SendRefusal refusal)
    {
        Error = localizer[refusal.Key, refusal.Arguments].Value;
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }
}
