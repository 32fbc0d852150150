using System.Diagnostics.CodeAnalysis;
using Microsoft.AspNetCore.Identity;
using Relais.Supporters;

namespace Relais.Web.Members;

/// <summary>Identity looks accounts up the way Relais normalizes every email: trimmed, lower case.</summary>
internal sealed class EmailLookupNormalizer : ILookupNormalizer
{
    [return: NotNullIfNotNull(nameof(name))]
    public string? NormalizeName(string? name) => name is null ? null : EmailAddress.Normalize(name);

    [return: NotNullIfNotNull(nameof(email))]
    public string? NormalizeEmail(string? email) => email is null ? null : EmailAddress.Normalize(email);
}
