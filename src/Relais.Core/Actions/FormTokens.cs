using System.Security.Cryptography;

namespace Relais.Actions;

/// <summary>
/// The hidden token a public form carries from the moment it is shown: the idempotency key of
/// what it stores, so that the same form posted twice (a double click, a replay, a retry after a
/// timeout) finds what the first post stored instead of storing it again.
/// </summary>
public static class FormTokens
{
    public const int Length = 32;

    public static string New() => RandomNumberGenerator.GetHexString(Length, lowercase: true);

    public static bool IsValid(string? token) => token is { Length: Length } && token.All(char.IsAsciiHexDigitLower);
}
