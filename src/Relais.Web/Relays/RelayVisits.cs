using Microsoft.Extensions.Options;
using Relais.Messaging;
using Relais.Relays;
using Relais.Sharing;
using Relais.Web.Campaigns;

namespace Relais.Web.Relays;

/// <summary>
/// A visitor arriving through a relay's link (/r/{code}/{slug}, or /c/{slug}?ref={code} from
/// emails): the click is counted and the relay remembered in a cookie, so that the visitor's
/// signature, even days later, credits them. A malformed, forged or foreign code changes nothing
/// and never fails the visit.
/// </summary>
public sealed class RelayVisits(
    RelayDirectory directory, ClickThrottle throttle, RelayClickBuffer clicks, IOptions<RelaysOptions> options, TimeProvider clock)
{
    public const string CookieName = "relais.ref";

    /// <summary>The name of the petition form's hidden field carrying the code.</summary>
    public const string FormField = "ref";

    public async ValueTask RecordAsync(HttpContext http, CampaignPage campaign, string? code, string? network, CancellationToken ct)
    {
        if (!RelayCode.TryRead(code, out var relayId))
        {
            return;
        }
        bool counted;
        if (throttle.Allows(http.Connection.RemoteIpAddress))
        {
            counted = await directory.IsRelayAsync(campaign.OrganizationId, relayId, ct);
        }
        else
        {
            // A flood counts nothing and costs no query; a code already known is still remembered,
            // for the real people behind one shared address.
            if (directory.KnownRelay(campaign.OrganizationId, relayId) == true)
            {
                Remember(http, code!);
            }
            return;
        }
        if (!counted)
        {
            return;
        }
        clicks.Add(new RelayClick
        {
            OrganizationId = campaign.OrganizationId,
            RelayId = relayId,
            CampaignId = campaign.Id,
            ActionId = campaign.Petition?.Id,
            Network = ShareNetworks.IsKnown(network) ? network : null,
            ClickedAt = clock.GetUtcNow(),
        });
        Remember(http, code!);
    }

    /// <summary>The relay a signature should credit: the form's field first (it crosses sessions), then the cookie.</summary>
    public static Guid? RelayOf(HttpRequest request)
    {
        var fromForm = request.HasFormContentType ? request.Form[FormField].ToString() : null;
        if (RelayCode.TryRead(fromForm, out var id) || RelayCode.TryRead(request.Cookies[CookieName], out id))
        {
            return id;
        }
        return null;
    }

    /// <summary>The code to carry in the petition form, when this browser remembers one.</summary>
    public static string? CodeOf(HttpRequest request, string? fromQuery = null) =>
        RelayCode.TryRead(fromQuery, out _) ? fromQuery
        : RelayCode.TryRead(request.Cookies[CookieName], out _) ? request.Cookies[CookieName] : null;

    private void Remember(HttpContext http, string code) =>
        http.Response.Cookies.Append(CookieName, code, new CookieOptions
        {
            Path = "/",
            HttpOnly = true,
            SameSite = SameSiteMode.Lax,
            Secure = http.Request.IsHttps,
            MaxAge = TimeSpan.FromDays(options.Value.RememberDays),
            IsEssential = true,
        });
}
