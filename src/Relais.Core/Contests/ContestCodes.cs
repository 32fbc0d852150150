using System.Security.Cryptography;

namespace Relais.Contests;

/// <summary>Join codes: short, unambiguous when read aloud or typed from a phone.</summary>
public static class ContestCodes
{
    private const string Alphabet = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";

    public static string New() => RandomNumberGenerator.GetString(Alphabet, 10);

    public static string Normalize(string? code) =>
        new((code ?? "").Where(char.IsAsciiLetterOrDigit).Select(char.ToUpperInvariant).ToArray());
}
