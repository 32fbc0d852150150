namespace Relais.Organizations;

/// <summary>A tenant: an NGO, a coalition or a single volunteer.</summary>
public sealed class Organization
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public required string Name { get; set; }
    public required string Slug { get; set; }
    public string DefaultLanguage { get; set; } = Languages.French;

    // The wording shown beside the consent checkbox; a new version is stored on every change
    // so that each consent record can point at exactly what the person read.
    public required string ConsentWordingFr { get; set; }
    public required string ConsentWordingEn { get; set; }
    public int ConsentWordingVersion { get; set; } = 1;

    /// <summary>Email updates start only after the person follows a confirmation link.</summary>
    public bool RequireDoubleOptIn { get; set; }

    /// <summary>Supporters with no real contact for this long are anonymized by the retention job.</summary>
    public int RetentionMonths { get; set; } = 36;

    /// <summary>Sites allowed to embed this organization's forms and counters, one origin per line (see <see cref="EmbedOrigins"/>).</summary>
    public string EmbedOrigins { get; set; } = "";

    public DateTimeOffset CreatedAt { get; init; } = DateTimeOffset.UtcNow;

    public string ConsentWordingFor(string language) =>
        language == Languages.English ? ConsentWordingEn : ConsentWordingFr;
}
