namespace Relais.Relays;

/// <summary>The name a relay shows on the public board: what they typed, or first name and initial.</summary>
public static class RelayBoardNames
{
    public const int MaxLength = 60;

    public static string Default(string firstName, string lastName)
    {
        var first = firstName.Trim();
        var last = lastName.Trim();
        var name = last.Length == 0 ? first : $"{first} {char.ToUpperInvariant(last[0])}.";
        return Clip(name.Trim());
    }

    /// <summary>The typed name trimmed and clipped, or the default when it is blank.</summary>
    public static string Choose(string? typed, string firstName, string lastName)
    {
        var name = string.Join(' ', (typed ?? "").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return name.Length == 0 ? Default(firstName, lastName) : Clip(name);
    }

    private static string Clip(string name) => name.Length <= MaxLength ? name : name[..MaxLength].TrimEnd();
}
