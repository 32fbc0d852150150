namespace Relais.Web.Hosting;

/// <summary>
/// Lets a hot public page have the shared layout's head and site header rendered once per key:
/// the page puts in <see cref="Key"/> what its own cached parts are rendered from. Signed-in
/// visitors and addresses with a query string always get a fresh rendering.
/// </summary>
public static class LayoutFragments
{
    public const string Key = "LayoutFragmentKey";

    public static string? For(HttpContext context, object? pageKey) =>
        pageKey is string key && !context.Request.QueryString.HasValue && context.User.Identity?.IsAuthenticated != true
            ? $"{key}|{context.Request.PathBase}{context.Request.Path}"
            : null;
}
