using System.Globalization;
using Relais.Petitions;
using Relais.Supporters;

namespace Relais.Drives;

/// <summary>What a visitor typed into a drive's pledge form; numbers and dates stay text until checked.</summary>
public sealed record PledgeForm
{
    public string? NeedId { get; init; }
    public string? Quantity { get; init; }
    public string? PointId { get; init; }
    public string? Date { get; init; }
    public string? FirstName { get; init; }
    public string? LastName { get; init; }
    public string? Email { get; init; }
    public bool Consent { get; init; }
    public bool EmailUpdates { get; init; }
}

/// <summary>A pledge form that passed every rule.</summary>
public sealed record ValidPledge(DriveNeed Need, int Quantity, DropOffPoint Point, DateOnly Date, string FirstName, string LastName, string Email);

/// <summary>Message keys of the drive forms; the web layer holds their French and English text.</summary>
public static class DriveMessages
{
    public const string NeedUnknown = "Please choose one of the items needed.";
    public const string QuantityNotANumber = "Please give the quantity as a whole number, such as 12.";
    public const string QuantityTooSmall = "The quantity must be at least 1.";
    public const string QuantityTooLarge = "That quantity is more than we can take in one go (100,000 at most).";
    public const string PointUnknown = "Please choose a drop-off point.";
    public const string DateInvalid = "Please give the date as a day, such as 2026-05-14.";
    public const string DatePast = "That date has passed: please choose today or a later day.";
    public const string DateTooFar = "Please choose a date within the next year.";
    public const string DateClosed = "The drop-off point is closed that day: please choose a day it is open.";
    public const string ConsentRequired = "Please tick the box to agree, or we cannot record your pledge.";
    public const string Closed = "This drive is closed: it takes no more pledges.";
    public const string Expired = "Your form had expired. Please check your details and pledge again.";
}

public static class PledgeRules
{
    /// <summary>
    /// Checks a pledge form against the drive's needs and drop-off points and today's date; the
    /// valid pledge, or the problems as (field, message key) pairs.
    /// </summary>
    public static IReadOnlyList<FormError> Validate(
        PledgeForm form, IReadOnlyList<DriveNeed> needs, IReadOnlyList<DropOffPoint> points, DateOnly today, out ValidPledge? pledge)
    {
        pledge = null;
        var errors = new List<FormError>();
        var need = Guid.TryParse(form.NeedId, out var needId) ? needs.FirstOrDefault(n => n.Id == needId) : null;
        if (need is null)
        {
            errors.Add(new(nameof(form.NeedId), DriveMessages.NeedUnknown));
        }
        var quantity = QuantityError(form.Quantity, out var parsed) is { } quantityError
            ? Add(errors, nameof(form.Quantity), quantityError) : parsed;
        var point = Guid.TryParse(form.PointId, out var pointId) ? points.FirstOrDefault(p => p.Id == pointId) : null;
        if (point is null)
        {
            errors.Add(new(nameof(form.PointId), DriveMessages.PointUnknown));
        }
        DateOnly date = default;
        if (!DateOnly.TryParseExact(form.Date?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date))
        {
            errors.Add(new(nameof(form.Date), DriveMessages.DateInvalid));
        }
        else if (date < today)
        {
            errors.Add(new(nameof(form.Date), DriveMessages.DatePast));
        }
        else if (date > today.AddYears(1))
        {
            errors.Add(new(nameof(form.Date), DriveMessages.DateTooFar));
        }
        else if (point is not null && !point.Hours.IsOpenOn(date))
        {
            errors.Add(new(nameof(form.Date), DriveMessages.DateClosed));
        }
        FormRules.Text(errors, nameof(form.FirstName), form.FirstName, SignatureForm.NameMax, required: true);
        FormRules.Text(errors, nameof(form.LastName), form.LastName, SignatureForm.NameMax, required: true);
        if (string.IsNullOrWhiteSpace(form.Email))
        {
            errors.Add(new(nameof(form.Email), FormMessages.EmailRequired));
        }
        else if (!EmailAddress.IsValid(form.Email))
        {
            errors.Add(new(nameof(form.Email), FormMessages.EmailInvalid));
        }
        if (!form.Consent)
        {
            errors.Add(new(nameof(form.Consent), DriveMessages.ConsentRequired));
        }
        if (errors.Count == 0)
        {
            pledge = new ValidPledge(need!, quantity, point!, date, form.FirstName!.Trim(), form.LastName!.Trim(), form.Email!.Trim());
        }
        return errors;
    }

    /// <summary>Reads a quantity typed by a person (spaces and thin spaces as thousands separators allowed); null when it is good.</summary>
    public static string? QuantityError(string? text, out int quantity)
    {
        quantity = 0;
        var cleaned = (text ?? "").Trim().Replace(" ", "").Replace("\u00a0", "").Replace("\u202f", "");
        if (cleaned.Length == 0 || cleaned.Length > 12 || !long.TryParse(cleaned, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
        {
            return DriveMessages.QuantityNotANumber;
        }
        if (value < 1)
        {
            return DriveMessages.QuantityTooSmall;
        }
        if (value > ItemPledge.MaxQuantity)
        {
            return DriveMessages.QuantityTooLarge;
        }
        quantity = (int)value;
        return null;
    }

    private static int Add(List<FormError> errors, string field, string key)
    {
        errors.Add(new(field, key));
        return 0;
    }
}
