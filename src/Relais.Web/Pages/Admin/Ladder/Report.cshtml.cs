using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Relais.Data;
using Relais.Ladder;
using Relais.Web.Localization;
using Relais.Web.Members;

namespace Relais.Web.Pages.Admin.Ladder;

/// <summary>How many supporters stand on each level, who moved in a period, and the conversion between levels.</summary>
public sealed class ReportModel(
    RelaisDb db, CurrentOrganization organization, TimeProvider clock, IStringLocalizer<SharedResource> localizer) : PageModel
{
    public const int DefaultDays = 30;
    public const int MaxDays = 3_660;

    public LadderReport? Report { get; private set; }
    public DateOnly From { get; private set; }
    public DateOnly To { get; private set; }
    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? from, string? to, CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var toDate = Parse(to) ?? today;
        var fromDate = Parse(from) ?? toDate.AddDays(-DefaultDays);
        From = fromDate;
        To = toDate;
        if ((!string.IsNullOrEmpty(from) && Parse(from) is null) || (!string.IsNullOrEmpty(to) && Parse(to) is null))
        {
            return Invalid(localizer["Give the dates as on a calendar, for example 2026-01-31."]);
        }
        if (fromDate > toDate || toDate.DayNumber - fromDate.DayNumber > MaxDays)
        {
            return Invalid(localizer["The period must start before it ends and last at most ten years."]);
        }
        Report = await LadderReport.BuildAsync(db, organization.Id, fromDate, toDate, ct);
        return Page();
    }

    private PageResult Invalid(string message)
    {
        Error = message;
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    // Date inputs send ISO dates whatever the user's language.
    private static DateOnly? Parse(string? value) =>
        DateOnly.TryParseExact(value, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture,
            System.Globalization.DateTimeStyles.None, out var date) ? date : null;
}
