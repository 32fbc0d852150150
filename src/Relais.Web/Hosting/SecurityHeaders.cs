namespace Relais.Web.Hosting;

/// <summary>Headers every response carries: no framing by other sites, no third-party scripts.</summary>
internal static class SecurityHeaders
{
    private const string ContentSecurityPolicy =
        "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; " +
        "frame-ancestors 'self'; form-action 'self'; base-uri 'self'; object-src 'none'";

    /// <summary>
    /// For embed pages only: the same policy, framable by the organization's allowed sites as well
    /// (origins validated by Relais.Organizations.EmbedOrigins), and without X-Frame-Options, which
    /// cannot name other sites.
    /// </summary>
    public static void AllowFramingBy(HttpResponse response, IEnumerable<string> origins)
    {
        var ancestors = string.Join(' ', origins.Prepend("'self'"));
        response.Headers.ContentSecurityPolicy = ContentSecurityPolicy.Replace("frame-ancestors 'self'", "frame-ancestors " + ancestors);
        response.Headers.Remove("X-Frame-Options");
    }

    public static Task Add(HttpContext context, Func<Task> next)
    {
        var headers = context.Response.Headers;
        headers.ContentSecurityPolicy = ContentSecurityPolicy;
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
        headers.XFrameOptions = "SAMEORIGIN";
        return next();
    }
}
