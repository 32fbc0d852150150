using Relais.Sharing;

namespace Relais.Web.Sharing;

/// <summary>What a supporter posts from the thank-you page's share kit: a network, their text and, for Mastodon, their server.</summary>
public sealed record ShareForm
{
    public const int MaxBodyBytes = 32 * 1024;

    public string? Network { get; init; }
    public string? Text { get; init; }
    public string? Instance { get; init; }

    public IEnumerable<(string Field, string MessageKey, object[] Arguments)> Validate()
    {
        if (!ShareNetworks.IsKnown(Network))
        {
            yield return (nameof(Network), ShareMessages.UnknownNetwork, []);
            yield break;
        }
        if (Text is { Length: > ShareText.StoredMax })
        {
            yield return (nameof(Text), ShareMessages.TooLong, [ShareText.StoredMax]);
        }
        if (Network == ShareNetworks.Mastodon && !MastodonInstance.TryNormalize(Instance, out _))
        {
            yield return (nameof(Instance), ShareMessages.MastodonInstance, []);
        }
    }
}
