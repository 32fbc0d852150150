using System.Globalization;
using System.Text;

namespace Relais.Imports;

/// <summary>Guesses the field of each column from its header, in French or English.</summary>
public static class HeaderGuess
{
    private static readonly Dictionary<string, ImportField> Known = new(StringComparer.Ordinal)
    {
        ["email"] = ImportField.Email,
        ["mail"] = ImportField.Email,
        ["courriel"] = ImportField.Email,
        ["emailaddress"] = ImportField.Email,
        ["adresseemail"] = ImportField.Email,
        ["adressemail"] = ImportField.Email,
        ["adressecourriel"] = ImportField.Email,
        ["adresseelectronique"] = ImportField.Email,
        ["prenom"] = ImportField.FirstName,
        ["firstname"] = ImportField.FirstName,
        ["givenname"] = ImportField.FirstName,
        ["first"] = ImportField.FirstName,
        ["nom"] = ImportField.LastName,
        ["nomdefamille"] = ImportField.LastName,
        ["lastname"] = ImportField.LastName,
        ["surname"] = ImportField.LastName,
        ["familyname"] = ImportField.LastName,
        ["last"] = ImportField.LastName,
        ["codepostal"] = ImportField.PostalCode,
        ["cp"] = ImportField.PostalCode,
        ["postalcode"] = ImportField.PostalCode,
        ["postcode"] = ImportField.PostalCode,
        ["zip"] = ImportField.PostalCode,
        ["zipcode"] = ImportField.PostalCode,
        ["ville"] = ImportField.City,
        ["commune"] = ImportField.City,
        ["city"] = ImportField.City,
        ["town"] = ImportField.City,
        ["pays"] = ImportField.Country,
        ["country"] = ImportField.Country,
        ["telephone"] = ImportField.Phone,
        ["tel"] = ImportField.Phone,
        ["portable"] = ImportField.Phone,
        ["mobile"] = ImportField.Phone,
        ["phone"] = ImportField.Phone,
        ["phonenumber"] = ImportField.Phone,
        ["langue"] = ImportField.Language,
        ["language"] = ImportField.Language,
        ["lang"] = ImportField.Language,
        ["tags"] = ImportField.Tags,
        ["tag"] = ImportField.Tags,
        ["etiquettes"] = ImportField.Tags,
        ["etiquette"] = ImportField.Tags,
    };

    /// <summary>
    /// One field per column, each field at most once (the first column that looks like it wins).
    /// Consent is never guessed: the organizer must say where it comes from.
    /// </summary>
    public static ImportColumnMap Guess(IReadOnlyList<string> header)
    {
        var columns = new ImportField?[header.Count];
        var taken = new HashSet<ImportField>();
        for (var i = 0; i < header.Count; i++)
        {
            if (Known.TryGetValue(Normalize(header[i]), out var field) && taken.Add(field))
            {
                columns[i] = field;
            }
        }
        return new ImportColumnMap(columns);
    }

    /// <summary>Lower-case letters and digits without accents: "Code postal" → "codepostal", "E-mail" → "email".</summary>
    public static string Normalize(string header)
    {
        var decomposed = header.Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark && char.IsLetterOrDigit(c))
            {
                builder.Append(char.ToLowerInvariant(c));
            }
        }
        return builder.ToString();
    }
}
