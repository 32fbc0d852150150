using Relais.Supporters;

namespace Relais.Petitions;

/// <summary>What a visitor typed into a petition form, and the rules it must meet.</summary>
public sealed record SignatureForm
{
    public const int NameMax = 100;
    public const int PostalCodeMax = 20;
    public const int CommentMax = 1_000;

    public string? FirstName { get; init; }
    public string? LastName { get; init; }
    public string? Email { get; init; }
    public string? PostalCode { get; init; }
    public string? Country { get; init; }
    public string? Comment { get; init; }
    public bool Consent { get; init; }

    /// <summary>The optional "keep me informed by email" box; unticked unless the visitor ticks it.</summary>
    public bool EmailUpdates { get; init; }

    /// <summary>
    /// The problems with the form, as (field, message key) pairs. Message keys are English
    /// sentences that the web layer translates.
    /// </summary>
    public IReadOnlyList<FormError> Validate()
    {
        var errors = new List<FormError>();
        Required(errors, nameof(FirstName), FirstName, NameMax);
        Required(errors, nameof(LastName), LastName, NameMax);
        if (string.IsNullOrWhiteSpace(Email))
        {
            errors.Add(new(nameof(Email), FormMessages.EmailRequired));
        }
        else if (!EmailAddress.IsValid(Email))
        {
            errors.Add(new(nameof(Email), FormMessages.EmailInvalid));
        }
        Required(errors, nameof(PostalCode), PostalCode, PostalCodeMax);
        if (!Countries.IsKnown(Country))
        {
            errors.Add(new(nameof(Country), FormMessages.CountryRequired));
        }
        if (Comment is { Length: > CommentMax })
        {
            errors.Add(new(nameof(Comment), FormMessages.TooLong));
        }
        else if (Comment is not null && Comment.Any(c => char.IsControl(c) && c is not ('\r' or '\n' or '\t')))
        {
            errors.Add(new(nameof(Comment), FormMessages.InvalidCharacters));
        }
        if (!Consent)
        {
            errors.Add(new(nameof(Consent), FormMessages.ConsentRequired));
        }
        return errors;
    }

    private static void Required(List<FormError> errors, string field, string? value, int max)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            errors.Add(new(field, FormMessages.Required));
        }
        else if (value.Trim().Length > max)
        {
            errors.Add(new(field, FormMessages.TooLong));
        }
        else if (value.Trim().Any(char.IsControl))
        {
            errors.Add(new(field, FormMessages.InvalidCharacters));
        }
    }
}

public sealed record FormError(string Field, string MessageKey);

/// <summary>Message keys of form validation; the web layer holds their French and English text.</summary>
public static class FormMessages
{
    public const string Required = "This field is required.";
    public const string TooLong = "This is too long.";
    public const string InvalidCharacters = "This contains characters that are not allowed.";
    public const string EmailRequired = "Please give your email address.";
    public const string EmailInvalid = "This email address does not look valid.";
    public const string CountryRequired = "Please choose your country.";
    public const string ConsentRequired = "Please tick the box to agree, or we cannot count your signature.";
}
