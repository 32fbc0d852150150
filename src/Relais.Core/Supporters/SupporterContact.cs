using Relais.Organizations;
using Relais.Petitions;

namespace Relais.Supporters;

/// <summary>A supporter's contact fields as an organizer edits them, and the rules they must meet.</summary>
public sealed record SupporterContact
{
    public const int CityMax = 100;
    public const int PhoneMax = 40;

    public string? Email { get; init; }
    public string? FirstName { get; init; }
    public string? LastName { get; init; }
    public string? Phone { get; init; }
    public string? PostalCode { get; init; }
    public string? City { get; init; }
    public string? Country { get; init; }
    public string? Language { get; init; }

    public static SupporterContact From(Supporter supporter) => new()
    {
        Email = supporter.Email,
        FirstName = supporter.FirstName,
        LastName = supporter.LastName,
        Phone = supporter.Phone,
        PostalCode = supporter.PostalCode,
        City = supporter.City,
        Country = supporter.Country,
        Language = supporter.Language,
    };

    /// <summary>The problems with the fields, as (field, message key) pairs; an organizer may leave names empty.</summary>
    public IReadOnlyList<FormError> Validate()
    {
        var errors = new List<FormError>();
        if (string.IsNullOrWhiteSpace(Email))
        {
            errors.Add(new(nameof(Email), FormMessages.EmailRequired));
        }
        else if (!EmailAddress.IsValid(Email))
        {
            errors.Add(new(nameof(Email), FormMessages.EmailInvalid));
        }
        FormRules.Text(errors, nameof(FirstName), FirstName, SignatureForm.NameMax, required: false);
        FormRules.Text(errors, nameof(LastName), LastName, SignatureForm.NameMax, required: false);
        FormRules.Text(errors, nameof(Phone), Phone, PhoneMax, required: false);
        FormRules.Text(errors, nameof(PostalCode), PostalCode, SignatureForm.PostalCodeMax, required: false);
        FormRules.Text(errors, nameof(City), City, CityMax, required: false);
        FormRules.Country(errors, nameof(Country), Country);
        if (!Languages.IsSupported(Language))
        {
            errors.Add(new(nameof(Language), FormMessages.Required));
        }
        return errors;
    }

    /// <summary>Copies valid fields onto the supporter, trimmed, empty ones as null.</summary>
    public void ApplyTo(Supporter supporter)
    {
        supporter.Email = Email!.Trim();
        supporter.NormalizedEmail = EmailAddress.Normalize(Email);
        supporter.FirstName = FirstName?.Trim() ?? "";
        supporter.LastName = LastName?.Trim() ?? "";
        supporter.Phone = FormRules.OrNull(Phone);
        supporter.PostalCode = FormRules.OrNull(PostalCode);
        supporter.City = FormRules.OrNull(City);
        supporter.Country = FormRules.OrNull(Country)?.ToUpperInvariant();
        supporter.Language = Language!;
    }
}
