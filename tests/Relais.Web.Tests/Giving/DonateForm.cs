using System.Net;
using System.Text.RegularExpressions;

namespace Relais.Web.Tests.Giving;

/// <summary>The public donate form as a donor fills it in: its tokens come from the page, as in a browser.</summary>
internal static partial class DonateForm
{
    [GeneratedRegex("name=\"t\" value=\"([0-9a-f]{32})\"")]
    private static partial Regex FormToken();

    [GeneratedRegex("name=\"__af\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex Antiforgery();

    public static Dictionary<string, string> Gift(
        string email, string? typed = "10,50", string firstName = "Ana", string? message = null, bool anonymous = false, string method = "offline:transfer") => new()
        {
            ["Form.Currency"] = "EUR",
            ["Form.Amount"] = "",
            ["Form.OtherAmount"] = typed ?? "",
            ["Form.FirstName"] = firstName,
            ["Form.LastName"] = "Martin",
            ["Form.Email"] = email,
            ["Form.Message"] = message ?? "",
            ["Form.Anonymous"] = anonymous ? "true" : "false",
            ["Form.Method"] = method,
        };

    /// <summary>GETs the donate form and posts the fields with its tokens; returns the response and the form token used.</summary>
    public static async Task<(HttpResponseMessage Response, string Token)> GiveAsync(HttpClient browser, string slug, Dictionary<string, string> fields, string? token = null)
    {
        var page = await browser.GetAsync($"/c/{slug}/give");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = await page.Content.ReadAsStringAsync();
        token ??= FormToken().Match(html).Groups[1].Value;
        var af = WebUtility.HtmlDecode(Antiforgery().Match(html).Groups[1].Value);
        var body = new Dictionary<string, string>(fields) { ["t"] = token, ["__af"] = af };
        return (await browser.PostAsync($"/c/{slug}/give", new FormUrlEncodedContent(body)), token);
    }
}
