namespace Relais.Web.Sharing;

/// <summary>
/// A share form posts to Relais, which answers with a redirect to the network (or a mailto: or sms:
/// address). Browsers hold that redirect to the page's form-action policy, so pages with a share kit
/// widen it to those destinations; scripts, frames and everything else keep the site's policy.
/// </summary>
public static class ShareRedirects
{
    private const string SiteFormAction = "form-action 'self'";

    public static void Allow(HttpResponse response)
    {
        var policy = response.Headers.ContentSecurityPolicy.ToString();
        if (policy.Contains(SiteFormAction, StringComparison.Ordinal))
        {
            response.Headers.ContentSecurityPolicy = policy.Replace(SiteFormAction, SiteFormAction + " https: mailto: sms:", StringComparison.Ordinal);
        }
    }
}
