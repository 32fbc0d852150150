using System.Globalization;
using Relais.Organizations;

namespace Relais.Web.Localization;

/// <summary>
/// Runs resource lookups in a recipient's language rather than the request's: emails are written
/// for the person who reads them, often outside any request (outbox, bulk sender).
/// </summary>
public static class InLanguage
{
    public static T Run<T>(string language, Func<T> make)
    {
        var previous = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(Languages.IsSupported(language) ? language : Languages.French);
        try
        {
            return make();
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = previous;
        }
    }
}
