using Relais.Petitions;

namespace Relais.Supporters;

/// <summary>Field rules shared by the admin forms of supporters, groups and channels.</summary>
public static class FormRules
{
    public static void Text(List<FormError> errors, string field, string? value, int max, bool required)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            if (required)
            {
                errors.Add(new(field, FormMessages.Required));
            }
        }
        else if (value.Trim().Length > max)
        {
            errors.Add(new(field, FormMessages.TooLong));
        }
        else if (value.Trim().Any(c => char.IsControl(c) && c is not ('\r' or '\n' or '\t')))
        {
            errors.Add(new(field, FormMessages.InvalidCharacters));
        }
    }

    public static void Country(List<FormError> errors, string field, string? value)
    {
        if (!string.IsNullOrWhiteSpace(value) && !Countries.IsKnown(value.Trim().ToUpperInvariant()))
        {
            errors.Add(new(field, FormMessages.CountryRequired));
        }
    }

    public static string? OrNull(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
