using Relais.Petitions;
using Relais.Supporters;

namespace Relais.Groups;

/// <summary>A local group as an organizer creates or edits it, and the rules it must meet.</summary>
public sealed record LocalGroupForm
{
    public const int PlaceMax = 200;
    public const int PostalCodePrefixMax = 10;

    public string? Name { get; init; }
    public string? Place { get; init; }
    public string? Country { get; init; }
    public string? PostalCodePrefix { get; init; }

    public static LocalGroupForm From(LocalGroup group) => new()
    {
        Name = group.Name,
        Place = group.Place,
        Country = group.Country,
        PostalCodePrefix = group.PostalCodePrefix,
    };

    public IReadOnlyList<FormError> Validate()
    {
        var errors = new List<FormError>();
        FormRules.Text(errors, nameof(Name), Name, LocalGroup.NameMax, required: true);
        FormRules.Text(errors, nameof(Place), Place, PlaceMax, required: false);
        FormRules.Country(errors, nameof(Country), Country);
        FormRules.Text(errors, nameof(PostalCodePrefix), PostalCodePrefix, PostalCodePrefixMax, required: false);
        return errors;
    }

    public void ApplyTo(LocalGroup group)
    {
        group.Name = Name!.Trim();
        group.Place = FormRules.OrNull(Place);
        group.Country = FormRules.OrNull(Country)?.ToUpperInvariant();
        group.PostalCodePrefix = FormRules.OrNull(PostalCodePrefix);
    }
}
