using Relais.Organizations;
using Relais.Petitions;
using Relais.Supporters;
using Relais.Tags;

namespace Relais.Imports;

/// <summary>Turns a row into a person with the column mapping, or says why the row cannot be taken.</summary>
public sealed class ImportRowReader(ImportColumnMap map, IReadOnlyList<string> header)
{

    public const int CityMax = 100;
    public const int PhoneMax = 40;

    private static readonly HashSet<string> Yes = new(StringComparer.OrdinalIgnoreCase) { "yes", "y", "oui", "o", "true", "vrai", "1", "x" };
    private static readonly HashSet<string> No = new(StringComparer.OrdinalIgnoreCase) { "no", "n", "non", "false", "faux", "0", "" };

    private readonly int _email = map.IndexOf(ImportField.Email);
    private readonly int _firstName = map.IndexOf(ImportField.FirstName);
    private readonly int _lastName = map.IndexOf(ImportField.LastName);
    private readonly int _postalCode = map.IndexOf(ImportField.PostalCode);
    private readonly int _city = map.IndexOf(ImportField.City);
    private readonly int _country = map.IndexOf(ImportField.Country);
    private readonly int _phone = map.IndexOf(ImportField.Phone);
    private readonly int _language = map.IndexOf(ImportField.Language);
    private readonly int _tags = map.IndexOf(ImportField.Tags);
    private readonly int _consent = map.Consent == ImportConsentMode.Column ? map.IndexOf(ImportField.EmailConsent) : -1;
    private readonly bool _everyoneConsents = map.Consent == ImportConsentMode.Everyone;

    public (ImportedPerson? Person, ImportProblem? Problem) Read(string[] row)
    {
        var email = Cell(row, _email);
        if (email is null)
        {
            return (null, new(ImportMessages.EmailMissing));
        }
        if (!EmailAddress.IsValid(email))
        {
            return (null, new(FormMessages.EmailInvalid));
        }
        ImportProblem? problem = null;
        var person = new ImportedPerson(email, EmailAddress.Normalize(email))
        {
            FirstName = Text(row, _firstName, SignatureForm.NameMax, ref problem),
            LastName = Text(row, _lastName, SignatureForm.NameMax, ref problem),
            PostalCode = Text(row, _postalCode, SignatureForm.PostalCodeMax, ref problem),
            City = Text(row, _city, CityMax, ref problem),
            Phone = Text(row, _phone, PhoneMax, ref problem),
            Country = CountryOf(row, ref problem),
            Language = LanguageOf(Cell(row, _language)),
            Tags = TagsOf(row, ref problem),
            Consents = _everyoneConsents || ConsentOf(row, ref problem),
        };
        if (problem is null && person.Phone is { } phone && !phone.All(c => char.IsAsciiDigit(c) || c is '+' or ' ' or '.' or '-' or '(' or ')' or '/'))
        {
            problem = new(ImportMessages.NotAPhoneNumber, Short(phone));
        }
        return problem is null ? (person, null) : (null, problem);
    }

    private static string? Cell(string[] row, int index) =>
        index >= 0 && index < row.Length && !string.IsNullOrWhiteSpace(row[index]) ? OneLine(row[index].Trim()) : null;

    // A line break typed inside a spreadsheet cell ("Saint-Étienne⏎centre") is layout, not data.
    private static string OneLine(string value) =>
        value.AsSpan().IndexOfAny('\r', '\n', '\t') < 0
            ? value
            : string.Join(' ', value.Split(['\r', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));

    private string? Text(string[] row, int index, int max, ref ImportProblem? problem)
    {
        var value = Cell(row, index);
        if (value is null || problem is not null)
        {
            return value;
        }
        if (value.Length > max)
        {
            problem = new(ImportMessages.TooLong, ImportColumnMap.ColumnName(header, index));
        }
        else if (value.Any(char.IsControl))
        {
            problem = new(ImportMessages.NotAllowedCharacters, ImportColumnMap.ColumnName(header, index));
        }
        return value;
    }

    private string? CountryOf(string[] row, ref ImportProblem? problem)
    {
        var value = Cell(row, _country);
        if (value is null)
        {
            return null;
        }
        var code = CountryNames.Resolve(value);
        if (code is null && problem is null)
        {
            problem = new(ImportMessages.UnknownCountry, Short(value));
        }
        return code;
    }

    // Relais speaks French and English; a person whose language is another keeps the organization's default
    // rather than being turned away.
    private static string? LanguageOf(string? value) => HeaderGuess.Normalize(value ?? "") switch
    {
        "fr" or "fra" or "fre" or "francais" or "french" or "frfr" or "frbe" or "frch" or "frca" => Languages.French,
        "en" or "eng" or "anglais" or "english" or "engb" or "enus" => Languages.English,
        _ => null,
    };

    private IReadOnlyList<string> TagsOf(string[] row, ref ImportProblem? problem)
    {
        var value = Cell(row, _tags);
        if (value is null)
        {
            return [];
        }
        var names = value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .DistinctBy(Tag.Normalize)
            .ToList();
        if (problem is null && names.Any(n => n.Length > Tag.NameMax || n.Any(char.IsControl)))
        {
            problem = new(ImportMessages.TooLong, ImportColumnMap.ColumnName(header, _tags));
        }
        return names;
    }

    private bool ConsentOf(string[] row, ref ImportProblem? problem)
    {
        if (_consent < 0)
        {
            return false;
        }
        var value = Cell(row, _consent) ?? "";
        if (Yes.Contains(value))
        {
            return true;
        }
        if (!No.Contains(value) && problem is null)
        {
            problem = new(ImportMessages.NotYesOrNo, Short(value));
        }
        return false;
    }

    private static string Short(string value) => value.Length <= 100 ? value : value[..100] + "…";
}
