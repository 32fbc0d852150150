using System.Net;
using System.Text.RegularExpressions;

namespace Relais.TestKit;

/// <summary>Posts forms the way a browser does: token from the page, cookie from the response.</summary>
public static partial class Forms
{
    [GeneratedRegex("name=\"__af\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();

    [GeneratedRegex("name=\"t\" value=\"([0-9a-f]{32})\"")]
    private static partial Regex FormTokenPattern();

    public static async Task<string> TokenAsync(this HttpClient client, string url) => (await TokensAsync(client, url)).Antiforgery;

    /// <summary>The antiforgery token of the page's form, and the form's own token (idempotency key) when it carries one.</summary>
    public static async Task<(string Antiforgery, string? Form)> TokensAsync(this HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {url} answered {(int)response.StatusCode}: see the server's errors in the test output.");
        var html = await response.Content.ReadAsStringAsync();
        var form = FormTokenPattern().Match(html) is { Success: true } match ? match.Groups[1].Value : null;
        return (TokenOf(html) ?? throw new Xunit.Sdk.XunitException("No antiforgery token in " + url), form);
    }

    /// <summary>The antiforgery token a page's form carries, null when it has none.</summary>
    public static string? TokenOf(string html) =>
        TokenPattern().Match(html) is { Success: true } match ? WebUtility.HtmlDecode(match.Groups[1].Value) : null;

    /// <summary>
    /// GETs the page for its tokens, then POSTs the fields to the same address (or to
    /// <paramref name="action"/>), with the form's own hidden token as a browser sends it unless
    /// the fields name one.
    /// </summary>
    public static async Task<HttpResponseMessage> SubmitAsync(
        this HttpClient client, string url, IEnumerable<KeyValuePair<string, string>> fields, string? action = null)
    {
        var (antiforgery, form) = await client.TokensAsync(url);
        var body = fields.Append(new("__af", antiforgery)).ToList();
        if (form is not null && body.All(f => f.Key != "t"))
        {
            body.Add(new("t", form));
        }
        return await client.PostAsync(action ?? url, new FormUrlEncodedContent(body));
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
