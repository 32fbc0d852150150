using System.Globalization;
using System.Text;
using Bogus;
using Bogus.DataSets;
using Relais.Organizations;

namespace Relais.Demo;

/// <summary>A generated person, before it becomes a supporter.</summary>
internal sealed record DemoPerson(
    string FirstName,
    string LastName,
    string Email,
    string PostalCode,
    string Country,
    string Language,
    TimeSpan UtcOffset);

/// <summary>
/// Makes people who fit a story: Latvian and Russian-speaking Riga residents for #palidzesim,
/// Washington families for Critical Exposure, a worldwide mix for the day of action.
/// </summary>
internal sealed class DemoPeople
{
    // Reserved for documentation (RFC 2606): mail to them goes nowhere, so the demo can never
    // write to a real person.
    private static readonly string[] Domains = ["example.org", "example.com", "example.net"];
    private static readonly float[] DomainWeights = [0.45f, 0.35f, 0.20f];

    private static readonly CountryProfile Latvia = new("LV", "lv", 0.20, 2);
    private static readonly CountryProfile UnitedStates = new("US", "en_US", 0.08, -5);

    private static readonly CountryProfile[] World =
    [
        new("FR", "fr", 0.97, 1),
        new("DE", "de", 0.25, 1),
        new("GB", "en_GB", 0.06, 0),
        new("US", "en_US", 0.08, -5),
        new("BR", "pt_BR", 0.20, -3),
        new("IN", "en_IND", 0.05, 5.5),
        new("KE", null, 0.08, 3),
        new("PH", null, 0.04, 8),
    ];

    private static readonly float[] WorldWeights = [0.24f, 0.12f, 0.10f, 0.12f, 0.12f, 0.12f, 0.09f, 0.09f];

    // Latvia writes Russian names in Latvian spelling, with gendered surnames.
    private static readonly string[] RussianLatvianWomen =
        ["Jeļena", "Natālija", "Olga", "Tatjana", "Irina", "Svetlana", "Marina", "Oksana", "Viktorija", "Darja", "Anastasija", "Jūlija"];

    private static readonly string[] RussianLatvianMen =
        ["Aleksandrs", "Sergejs", "Dmitrijs", "Andrejs", "Vladimirs", "Igors", "Jurijs", "Maksims", "Nikita", "Aleksejs", "Mihails", "Artjoms"];

    private static readonly (string Man, string Woman)[] RussianLatvianSurnames =
    [
        ("Ivanovs", "Ivanova"), ("Petrovs", "Petrova"), ("Smirnovs", "Smirnova"), ("Kuzņecovs", "Kuzņecova"),
        ("Popovs", "Popova"), ("Vasiļjevs", "Vasiļjeva"), ("Sokolovs", "Sokolova"), ("Morozovs", "Morozova"),
        ("Volkovs", "Volkova"), ("Ļebedevs", "Ļebedeva"), ("Novikovs", "Novikova"), ("Fjodorovs", "Fjodorova"),
    ];

    // Bogus has no Kenyan or Filipino locale.
    private static readonly string[] KenyanWomen = ["Wanjiru", "Achieng", "Njeri", "Wambui", "Chebet", "Akinyi", "Nyambura", "Atieno", "Mumbua", "Jepkosgei"];
    private static readonly string[] KenyanMen = ["Kamau", "Otieno", "Mwangi", "Odhiambo", "Kiprop", "Mutua", "Njoroge", "Ouma", "Kipchoge", "Baraka"];
    private static readonly string[] KenyanSurnames = ["Kariuki", "Ochieng", "Wanjiku", "Kiprono", "Omondi", "Mutiso", "Njoroge", "Onyango", "Kimani", "Wafula", "Cheruiyot", "Muthoni"];
    private static readonly string[] FilipinoWomen = ["Maria", "Angelica", "Kristine", "Rhea", "Joy", "Camille", "Andrea", "Patricia", "Princess", "Jasmine"];
    private static readonly string[] FilipinoMen = ["Jose", "Juan", "Mark", "Jerome", "Paolo", "Carlo", "Miguel", "Rafael", "John Paul", "Angelo"];
    private static readonly string[] FilipinoSurnames = ["Santos", "Reyes", "Cruz", "Bautista", "Garcia", "Mendoza", "Dela Cruz", "Ramos", "Villanueva", "Aquino", "Castillo", "Flores"];

    // Real postal codes of the places the stories happen, so maps and segments look right.
    private static readonly string[] WashingtonCodes =
        ["20001", "20002", "20003", "20004", "20005", "20007", "20008", "20009", "20010", "20011", "20012", "20015",
         "20016", "20017", "20018", "20019", "20020", "20024", "20032", "20036", "20037"];

    private static readonly string[] SuburbCodes =
        ["20850", "20852", "20901", "20910", "20912", "20782", "20740", "22201", "22203", "22204", "22206", "22301", "22305"];

    private static readonly string[] KenyanCodes = ["00100", "00200", "00505", "00606", "40100", "80100", "20100", "30100"];
    private static readonly string[] FilipinoCodes = ["1000", "1004", "1008", "1100", "1109", "1121", "1200", "1600", "4027", "6000", "8000"];
    private static readonly string[] FrenchDepartments =
        [.. Enumerable.Range(1, 95).Where(d => d != 20).Select(d => d.ToString("00", CultureInfo.InvariantCulture))];

    private static readonly string[] BritishAreas = ["SW9", "E8", "N16", "SE15", "M14", "LS6", "BS5", "EH7", "G12", "CF24", "B29", "NG7"];

    private readonly Randomizer _random;
    private readonly Dictionary<string, Faker> _fakers = [];
    private int _count;

    public DemoPeople(Randomizer random) => _random = random;

    public DemoPerson Next(DemoAudience audience)
    {
        _count++;
        var (country, femaleShare) = audience switch
        {
            // The mothers' network behind #palidzesim shows in who signs.
            DemoAudience.Riga => (Latvia, 0.70),
            DemoAudience.Washington => (UnitedStates, 0.55),
            _ => (_random.WeightedRandom(World, WorldWeights), 0.52),
        };
        var gender = _random.Bool((float)femaleShare) ? Name.Gender.Female : Name.Gender.Male;
        var (first, last) = NameFor(country, gender);
        var language = _random.Bool((float)country.FrenchShare) ? Languages.French : Languages.English;
        return new DemoPerson(
            first,
            last,
            EmailFor(first, last, _count),
            PostalCodeFor(country, audience),
            country.Code,
            language,
            TimeSpan.FromHours(country.UtcOffsetHours));
    }

    private (string First, string Last) NameFor(CountryProfile country, Name.Gender gender)
    {
        var female = gender == Name.Gender.Female;
        switch (country.Code)
        {
            case "LV" when _random.Bool(0.35f):
                var surname = _random.ArrayElement(RussianLatvianSurnames);
                return (_random.ArrayElement(female ? RussianLatvianWomen : RussianLatvianMen), female ? surname.Woman : surname.Man);
            case "KE":
                return (_random.ArrayElement(female ? KenyanWomen : KenyanMen), _random.ArrayElement(KenyanSurnames));
            case "PH":
                return (_random.ArrayElement(female ? FilipinoWomen : FilipinoMen), _random.ArrayElement(FilipinoSurnames));
            default:
                var faker = FakerFor(country.Locale!);
                return (faker.Name.FirstName(gender), faker.Name.LastName(gender));
        }
    }

    private Faker FakerFor(string locale)
    {
        if (!_fakers.TryGetValue(locale, out var faker))
        {
            // All fakers draw from the one seeded randomizer, so the whole demo replays identically.
            faker = new Faker(locale) { Random = _random };
            _fakers.Add(locale, faker);
        }
        return faker;
    }

    private string PostalCodeFor(CountryProfile country, DemoAudience audience) => country.Code switch
    {
        "US" when audience == DemoAudience.Washington => _random.Double() switch
        {
            < 0.55 => _random.ArrayElement(WashingtonCodes),
            < 0.80 => _random.ArrayElement(SuburbCodes),
            _ => UsZip(),
        },
        "US" => UsZip(),
        // Riga's own codes run from LV-1001 to LV-1084.
        "LV" => $"LV-10{_random.Int(1, 84):00}",
        // A département number, never 00 or 20 (Corsica uses 2A/2B), then the office.
        "FR" => $"{_random.ArrayElement(FrenchDepartments)}{_random.Int(0, 9)}{_random.Int(0, 9)}0",
        "GB" => $"{_random.ArrayElement(BritishAreas)} {_random.Int(1, 9)}{_random.Replace("??")}",
        "KE" => _random.ArrayElement(KenyanCodes),
        "PH" => _random.ArrayElement(FilipinoCodes),
        "IN" => $"{_random.Int(1, 8)}{_random.Replace("#####")}",
        "BR" => $"{_random.Int(1, 9)}{_random.Replace("####-###")}",
        _ => $"{_random.Int(1, 9)}{_random.Replace("####")}",
    };

    private string UsZip() => $"{_random.Int(1, 9)}{_random.Replace("####")}";

    private string EmailFor(string first, string last, int number)
    {
        var f = Ascii(first);
        var l = Ascii(last);
        // The number makes every address unique: local parts hold only letters before it.
        var local = _random.Double() switch
        {
            < 0.50 => $"{f}.{l}{number}",
            < 0.70 => $"{f}{l}{number}",
            < 0.90 => $"{f[0]}{l}{number}",
            _ => $"{f}_{number}",
        };
        // Some people type capitals; the normalized email is what deduplicates them.
        if (_random.Bool(0.08f))
        {
            local = char.ToUpperInvariant(local[0]) + local[1..];
        }
        return $"{local}@{_random.WeightedRandom(Domains, DomainWeights)}";
    }

    /// <summary>Lower-case ASCII letters only: "Kuzņecova" → "kuznecova", "Dela Cruz" → "delacruz".</summary>
    private static string Ascii(string name)
    {
        var builder = new StringBuilder(name.Length);
        foreach (var c in name.Replace("ß", "ss", StringComparison.Ordinal).Normalize(NormalizationForm.FormD))
        {
            if (char.IsAsciiLetter(c))
            {
                builder.Append(char.ToLowerInvariant(c));
            }
        }
        return builder.Length == 0 ? "supporter" : builder.ToString();
    }

    /// <param name="Locale">The Bogus locale for names, or null where the names are listed here.</param>
    /// <param name="FrenchShare">How many of its people read Relais in French rather than English.</param>
    private sealed record CountryProfile(string Code, string? Locale, double FrenchShare, double UtcOffsetHours);
}
