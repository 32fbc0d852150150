using System.Net;
using System.Text.RegularExpressions;

namespace Relais.TestKit;

/// <summary>Posts forms the way a browser does: token from the page, cookie from the response.</summary>
public static partial class Forms
{
    [GeneratedRegex("name=\"__af\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();

    public static async Task<string> TokenAsync(this HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {url} answered {(int)response.StatusCode}: see the server's errors in the test output.");
        var html = await response.Content.ReadAsStringAsync();
        return TokenOf(html) ?? throw new Xunit.Sdk.XunitException("No antiforgery token in " + url);
    }

    /// <summary>The antiforgery token a page's form carries, null when it has none.</summary>
    public static string? TokenOf(string html) =>
        TokenPattern().Match(html) is { Success: true } match ? WebUtility.HtmlDecode(match.Groups[1].Value) : null;

    /// <summary>GETs the page for its token, then POSTs the fields to the same address (or to <paramref name="action"/>).</summary>
    public static async Task<HttpResponseMessage> SubmitAsync(
        this HttpClient client, string url, IEnumerable<KeyValuePair<string, string>> fields, string? action = null)
    {
        var token = await client.TokenAsync(url);
        return await client.PostAsync(action ?? url, new FormUrlEncodedContent(fields.Append(new("__af", token))));
    }

    public static Dictionary<string, string> Signature(string email, string firstName = "Ana", string country = "FR") => new()
    {
        ["Form.FirstName"] = firstName,
        ["Form.LastName"] = "Martin",
        ["Form.Email"] = email,
        ["Form.PostalCode"] = "75011",
        ["Form.Country"] = country,
        ["Form.Comment"] = "",
        ["Form.Consent"] = "true",
    };

    public static async Task<HttpResponseMessage> SignAsync(this HttpClient client, string slug, Dictionary<string, string> fields) =>
        await client.SubmitAsync($"/c/{slug}", fields);

    public static async Task<HttpClient> LoginAsync(this HttpClient client, string email, string password = TestData.Password)
    {
        var response = await client.SubmitAsync("/admin/login", new Dictionary<string, string> { ["Email"] = email, ["Password"] = password });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }
}
