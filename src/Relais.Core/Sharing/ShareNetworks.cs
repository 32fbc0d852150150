namespace Relais.Sharing;

/// <summary>
/// The places a share kit writes for. The names are stored (share kit posts, the Source of a
/// Shared activity, the n= of a relay link), so they never change.
/// </summary>
public static class ShareNetworks
{
    public const string X = "x";
    public const string Facebook = "facebook";
    public const string WhatsApp = "whatsapp";
    public const string Telegram = "telegram";
    public const string Bluesky = "bluesky";
    public const string Mastodon = "mastodon";
    public const string LinkedIn = "linkedin";
    public const string Email = "email";
    public const string Sms = "sms";

    public static readonly IReadOnlyList<string> All = [X, Facebook, WhatsApp, Telegram, Bluesky, Mastodon, LinkedIn, Email, Sms];

    public static bool IsKnown(string? network) => network is not null && All.Contains(network);
}
