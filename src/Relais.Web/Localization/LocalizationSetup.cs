using System.Globalization;
using Microsoft.AspNetCore.Localization;
using Relais.Organizations;

namespace Relais.Web.Localization;

public static class LocalizationSetup
{
    public const string CultureCookie = ".relais.culture";

    public static IServiceCollection AddRelaisLocalization(this IServiceCollection services)
    {
        services.AddLocalization(o => o.ResourcesPath = "Resources");
        services.Configure<RequestLocalizationOptions>(o =>
        {
            var cultures = Languages.All.Select(CultureInfo.GetCultureInfo).ToList();
            o.DefaultRequestCulture = new RequestCulture(Languages.French);
            o.SupportedCultures = cultures;
            o.SupportedUICultures = cultures;
            // "fr-BE" in Accept-Language picks "fr".
            o.FallBackToParentCultures = true;
            o.FallBackToParentUICultures = true;
            o.RequestCultureProviders =
            [
                new QueryStringRequestCultureProvider(),
                new CookieRequestCultureProvider { CookieName = CultureCookie },
                new AcceptLanguageHeaderRequestCultureProvider(),
            ];
        });
        return services;
    }

    /// <summary>GET /culture/{lang}?returnUrl=/c/x: remembers the visitor's choice in a cookie.</summary>
    public static IEndpointRouteBuilder MapCultureSwitch(this IEndpointRouteBuilder app)
    {
        app.MapGet("/culture/{language}", (string language, string? returnUrl, HttpContext http) =>
        {
            if (!Languages.IsSupported(language))
            {
                return Results.BadRequest();
            }
            http.Response.Cookies.Append(
                CultureCookie,
                CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(language)),
                new CookieOptions { MaxAge = TimeSpan.FromDays(365), IsEssential = true, SameSite = SameSiteMode.Lax, HttpOnly = true });
            var target = !string.IsNullOrEmpty(returnUrl) && Uri.IsWellFormedUriString(returnUrl, UriKind.Relative)
                && returnUrl.StartsWith('/') && !returnUrl.StartsWith("//") && !returnUrl.StartsWith("/\\")
                ? returnUrl
                : "/";
            return Results.LocalRedirect(target);
        });
        return app;
    }

    /// <summary>The two-letter language of the current request.</summary>
    public static string CurrentLanguage => Languages.Closest(CultureInfo.CurrentUICulture.Name);
}
