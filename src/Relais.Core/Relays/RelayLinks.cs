using Relais.Messaging;

namespace Relais.Relays;

/// <summary>
/// The personal link a relay shares: /r/{code}/{campaign slug}, with the network it was shared on.
/// It counts the click and leads to the clean campaign page, so a visitor who passes the address
/// on does not pass on somebody else's code.
/// </summary>
public static class RelayLinks
{
    public static string Path(string campaignSlug, Guid supporterId, string? network = null) =>
        "/r/" + RelayCode.For(supporterId) + "/" + Uri.EscapeDataString(campaignSlug)
        + (network is null ? "" : "?n=" + Uri.EscapeDataString(network));
}
