using System.Net;
using System.Text.RegularExpressions;

namespace Relais.Bench;

/// <summary>An organizer signed in to the server under test, posting its forms as a browser would.</summary>
public static partial class AdminSession
{
    public const string Email = "bench@relais.localhost";
    public const string Password = "bench password long enough";

    [GeneratedRegex("name=\"__af\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();

    /// <summary>The organizer created by `relais create-admin --email <see cref="Email"/> --password <see cref="Password"/>`, signed in.</summary>
    public static async Task<HttpClient> SignInAsync(Uri baseAddress, CancellationToken ct)
    {
        var http = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false })
        {
            BaseAddress = baseAddress,
            Timeout = TimeSpan.FromMinutes(5),
        };
        http.DefaultRequestHeaders.AcceptLanguage.ParseAdd("fr");
        await PostAsync(http, "admin/login", "admin/login", new() { ["Email"] = Email, ["Password"] = Password }, ct);
        return http;
    }

    /// <summary>Gets the form's antiforgery token from <paramref name="formUrl"/>, posts, and returns the redirect's target.</summary>
    public static async Task<string> PostAsync(HttpClient http, string formUrl, string postUrl, Dictionary<string, string> fields, CancellationToken ct)
    {
        fields["__af"] = WebUtility.HtmlDecode(TokenPattern().Match(await http.GetStringAsync(formUrl, ct)).Groups[1].Value);
        var response = await http.PostAsync(postUrl, new FormUrlEncodedContent(fields), ct);
        if ((int)response.StatusCode is < 300 or >= 400)
        {
            throw new InvalidOperationException($"POST {postUrl} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(ct)}");
        }
        return response.Headers.Location?.ToString() ?? "";
    }
}
