namespace Relais.Imports;

/// <summary>A row of a file read as a person: trimmed, checked, normalized. Null means the file did not say.</summary>
public sealed record ImportedPerson(string Email, string NormalizedEmail)
{
    public string? FirstName { get; init; }
    public string? LastName { get; init; }
    public string? PostalCode { get; init; }
    public string? City { get; init; }
    public string? Country { get; init; }
    public string? Phone { get; init; }
    public string? Language { get; init; }
    public IReadOnlyList<string> Tags { get; init; } = [];

    /// <summary>The row's answer to email updates; true only through a consent column the organizer declared.</summary>
    public bool Consents { get; init; }
}
