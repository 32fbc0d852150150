using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Relais.Campaigns;
using Relais.Data;
using Relais.Drives;
using Relais.Organizations;
using Relais.Web.Drives;
using Relais.Web.Localization;
using Relais.Web.Members;

namespace Relais.Web.Pages.Admin.Drives;

public sealed class NeedInput
{
    public Guid? Id { get; set; }
    public string? Item { get; set; }
    public string? Unit { get; set; }
    public string? Quantity { get; set; }
    public NeedPeriod Period { get; set; }
}

public sealed class PointInput
{
    public Guid? Id { get; set; }
    public string? Name { get; set; }
    public string? Address { get; set; }
    public string? City { get; set; }

    /// <summary>The hours typed for each day of <see cref="WeeklyHours.Week"/>, Monday first.</summary>
    public string?[] Hours { get; set; } = new string?[7];

    public string? Notes { get; set; }
}

/// <summary>A campaign's in-kind drive: whether it takes pledges, its needs and its drop-off points.</summary>
public sealed class EditModel(RelaisDb db, CurrentOrganization organization, DriveSections sections, IStringLocalizer<SharedResource> localizer) : PageModel
{
    public Campaign Campaign { get; private set; } = null!;
    public Drive? Drive { get; private set; }
    public bool CanEdit => organization.CanEdit;
    public string Title { get; private set; } = "";

    [BindProperty]
    public bool IsOpen { get; set; } = true;

    [BindProperty]
    public NeedInput Need { get; set; } = new();

    [BindProperty]
    public PointInput Point { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) =>
        await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostDriveAsync(Guid id, CancellationToken ct)
    {
        if (!CanEdit)
        {
            return Forbid();
        }
        if (!await LoadAsync(id, ct, tracked: true))
        {
            return NotFound();
        }
        var drive = Drive ?? Create();
        drive.IsOpen = IsOpen;
        await db.SaveChangesAsync(ct);
        return Saved();
    }

    public async Task<IActionResult> OnPostNeedAsync(Guid id, CancellationToken ct)
    {
        if (!CanEdit)
        {
            return Forbid();
        }
        if (!await LoadAsync(id, ct, tracked: true))
        {
            return NotFound();
        }
        ModelState.Clear();
        Text("Need.Item", Need.Item, DriveNeed.ItemMax);
        Text("Need.Unit", Need.Unit, DriveNeed.UnitMax);
        if (PledgeRules.QuantityError(Need.Quantity, out var quantity) is { } error)
        {
            ModelState.AddModelError("Need.Quantity", localizer[error]);
        }
        if (!Enum.IsDefined(Need.Period))
        {
            ModelState.AddModelError("Need.Period", localizer["This field is required."]);
        }
        var need = Need.Id is { } needId ? Drive?.Needs.SingleOrDefault(n => n.Id == needId) : null;
        if (Need.Id is not null && need is null)
        {
            return NotFound();
        }
        if (!ModelState.IsValid)
        {
            return Invalid();
        }
        var drive = Drive ?? Create();
        if (need is null)
        {
            need = new DriveNeed { OrganizationId = organization.Id, DriveId = drive.Id, Position = drive.Needs.Count };
            // Added explicitly: a new child with its key already set would be taken for an existing row.
            db.DriveNeeds.Add(need);
        }
        need.Item = Need.Item!.Trim();
        need.Unit = Need.Unit!.Trim();
        need.QuantityWanted = quantity;
        need.Period = Need.Period;
        await db.SaveChangesAsync(ct);
        return Saved();
    }

    public async Task<IActionResult> OnPostPointAsync(Guid id, CancellationToken ct)
    {
        if (!CanEdit)
        {
            return Forbid();
        }
        if (!await LoadAsync(id, ct, tracked: true))
        {
            return NotFound();
        }
        ModelState.Clear();
        Text("Point.Name", Point.Name, DropOffPoint.NameMax);
        Text("Point.Address", Point.Address, DropOffPoint.AddressMax);
        Text("Point.City", Point.City, DropOffPoint.CityMax);
        if (Point.Notes is { Length: > DropOffPoint.NotesMax })
        {
            ModelState.AddModelError("Point.Notes", localizer["This is too long."]);
        }
        var typed = WeeklyHours.Week.Select((day, i) => (day, text: i < Point.Hours.Length ? Point.Hours[i] : null))
            .ToDictionary(x => x.day, x => x.text);
        if (!WeeklyHours.TryFrom(typed, out var hours, out var badDay))
        {
            ModelState.AddModelError("Point.Hours", localizer["The hours of {0} do not read: write them like 09:00-12:00, 14:00-18:00, or leave the day empty when closed.",
                CultureInfo.CurrentCulture.DateTimeFormat.GetDayName(badDay)]);
        }
        else if (hours.IsEmpty)
        {
            ModelState.AddModelError("Point.Hours", localizer["Give the opening hours of at least one day."]);
        }
        var point = Point.Id is { } pointId ? Drive?.Points.SingleOrDefault(p => p.Id == pointId) : null;
        if (Point.Id is not null && point is null)
        {
            return NotFound();
        }
        if (!ModelState.IsValid)
        {
            return Invalid();
        }
        var drive = Drive ?? Create();
        if (point is null)
        {
            point = new DropOffPoint { OrganizationId = organization.Id, DriveId = drive.Id };
            db.DropOffPoints.Add(point);
        }
        point.Name = Point.Name!.Trim();
        point.Address = Point.Address!.Trim();
        point.City = Point.City!.Trim();
        point.OpeningHours = hours.ToString();
        point.Notes = string.IsNullOrWhiteSpace(Point.Notes) ? null : Point.Notes.Trim();
        await db.SaveChangesAsync(ct);
        return Saved();
    }

    private void Text(string field, string? value, int max)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            ModelState.AddModelError(field, localizer["This field is required."]);
        }
        else if (value.Trim().Length > max)
        {
            ModelState.AddModelError(field, localizer["This is too long."]);
        }
    }

    private Drive Create()
    {
        var drive = new Drive { OrganizationId = organization.Id, CampaignId = Campaign.Id };
        db.Drives.Add(drive);
        Drive = drive;
        return drive;
    }

    private IActionResult Invalid()
    {
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    private IActionResult Saved()
    {
        sections.Forget(Campaign.Id);
        return Redirect($"/admin/campaigns/{Campaign.Id}/drive?saved=1");
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct, bool tracked = false)
    {
        var campaign = await db.Campaigns.InOrganization(organization.Id).AsNoTracking().Include(c => c.Texts)
            .SingleOrDefaultAsync(c => c.Id == id, ct);
        if (campaign is null)
        {
            return false;
        }
        Campaign = campaign;
        Title = campaign.TextFor(LocalizationSetup.CurrentLanguage)?.Title ?? campaign.Slug;
        var drives = tracked ? db.Drives : db.Drives.AsNoTracking();
        Drive = await drives.Include(d => d.Needs).Include(d => d.Points)
            .SingleOrDefaultAsync(d => d.CampaignId == id && d.OrganizationId == organization.Id, ct);
        if (Drive is not null && Request.Method == HttpMethods.Get)
        {
            IsOpen = Drive.IsOpen;
        }
        return true;
    }
}
