using Relais.Petitions;
using Relais.Privacy;

namespace Relais.Organizations;

/// <summary>The settings' own error texts, translated by the web layer.</summary>
public static class SettingsMessages
{
    public const string RetentionOutOfRange = "Choose a retention period between 1 and 120 months.";
    public const string BadEmbedOrigin =
        "Write each site as an origin, one per line, such as https://example.org: http or https, a host and an optional port, without a path or wildcard (at most 20).";
}

/// <summary>What an organizer edits on the settings page, and its rules.</summary>
public sealed record OrganizationSettings
{
    public const int NameMax = 200;
    public const int WordingMax = 2_000;

    public string? Name { get; init; }
    public string? ConsentWordingFr { get; init; }
    public string? ConsentWordingEn { get; init; }
    public bool RequireDoubleOptIn { get; init; }
    public int RetentionMonths { get; init; }
    public string? EmbedOrigins { get; init; }

    public static OrganizationSettings From(Organization organization) => new()
    {
        Name = organization.Name,
        ConsentWordingFr = organization.ConsentWordingFr,
        ConsentWordingEn = organization.ConsentWordingEn,
        RequireDoubleOptIn = organization.RequireDoubleOptIn,
        RetentionMonths = organization.RetentionMonths,
        EmbedOrigins = organization.EmbedOrigins,
    };

    public IReadOnlyList<FormError> Validate()
    {
        var errors = new List<FormError>();
        Text(errors, nameof(Name), Name, NameMax);
        // The name goes into email subjects, where a line break would be refused at send time.
        if (Name is not null && Name.Any(char.IsControl))
        {
            errors.Add(new(nameof(Name), FormMessages.InvalidCharacters));
        }
        Text(errors, nameof(ConsentWordingFr), ConsentWordingFr, WordingMax);
        Text(errors, nameof(ConsentWordingEn), ConsentWordingEn, WordingMax);
        if (RetentionMonths is < Retention.MinMonths or > Retention.MaxMonths)
        {
            errors.Add(new(nameof(RetentionMonths), SettingsMessages.RetentionOutOfRange));
        }
        if ((EmbedOrigins?.Length ?? 0) > Organizations.EmbedOrigins.TextMax
            || !Organizations.EmbedOrigins.TryParse(EmbedOrigins, out _, out _))
        {
            errors.Add(new(nameof(EmbedOrigins), SettingsMessages.BadEmbedOrigin));
        }
        return errors;
    }

    /// <summary>Copies valid settings; a changed wording gets a new version, so ledger rows keep pointing at what people read.</summary>
    public void ApplyTo(Organization organization)
    {
        var fr = ConsentWordingFr!.Trim();
        var en = ConsentWordingEn!.Trim();
        if (fr != organization.ConsentWordingFr || en != organization.ConsentWordingEn)
        {
            organization.ConsentWordingVersion++;
        }
        organization.Name = Name!.Trim();
        organization.ConsentWordingFr = fr;
        organization.ConsentWordingEn = en;
        organization.RequireDoubleOptIn = RequireDoubleOptIn;
        organization.RetentionMonths = RetentionMonths;
        organization.EmbedOrigins = string.Join('\n', Organizations.EmbedOrigins.Read(EmbedOrigins));
    }

    private static void Text(List<FormError> errors, string field, string? value, int max)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            errors.Add(new(field, FormMessages.Required));
        }
        else if (value.Trim().Length > max)
        {
            errors.Add(new(field, FormMessages.TooLong));
        }
    }
}
