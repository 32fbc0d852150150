using System.Net.Mail;

namespace Relais.Supporters;

/// <summary>How Relais reads email addresses: one person per normalized address.</summary>
public static class EmailAddress
{
    public const int MaxLength = 254;

    /// <summary>Trimmed and lower-cased, so "  Ana@Example.ORG " and "ana@example.org" are one person.</summary>
    public static string Normalize(string email) => email.Trim().ToLowerInvariant();

    public static bool IsValid(string? email)
    {
        if (string.IsNullOrWhiteSpace(email))
        {
            return false;
        }
        var trimmed = email.Trim();
        if (trimmed.Length > MaxLength || trimmed.Any(c => char.IsWhiteSpace(c) || char.IsControl(c)))
        {
            return false;
        }
        var at = trimmed.LastIndexOf('@');
        if (at <= 0 || at == trimmed.Length - 1)
        {
            return false;
        }
        var domain = trimmed[(at + 1)..];
        if (!domain.Contains('.') || domain.StartsWith('.') || domain.EndsWith('.') || domain.Contains(".."))
        {
            return false;
        }
        // MailAddress accepts display names and comments; insist that it read back the same address.
        return MailAddress.TryCreate(trimmed, out var parsed) && parsed.Address == trimmed;
    }
}
