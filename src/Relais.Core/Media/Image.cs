using Relais.Organizations;

namespace Relais.Media;

/// <summary>
/// An uploaded picture (a campaign's hook image). Kept in the database so that every web node
/// serves it without shared storage.
/// </summary>
public sealed class Image : IOrganizationOwned
{
    public const int MaxBytes = 2 * 1024 * 1024;

    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid OrganizationId { get; init; }
    public required string ContentType { get; init; }
    public required byte[] Bytes { get; init; }
    public DateTimeOffset CreatedAt { get; init; } = DateTimeOffset.UtcNow;

    /// <summary>Recognizes PNG, JPEG, GIF and WebP by their first bytes; a name or header is not proof.</summary>
    public static string? SniffContentType(ReadOnlySpan<byte> head)
    {
        if (head.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]))
        {
            return "image/png";
        }
        if (head.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]))
        {
            return "image/jpeg";
        }
        if (head.StartsWith("GIF87a"u8) || head.StartsWith("GIF89a"u8))
        {
            return "image/gif";
        }
        if (head.Length >= 12 && head[..4].SequenceEqual("RIFF"u8) && head[8..12].SequenceEqual("WEBP"u8))
        {
            return "image/webp";
        }
        return null;
    }
}
