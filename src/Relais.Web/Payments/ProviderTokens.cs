using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace Relais.Web.Payments;

/// <summary>
/// OAuth2 client-credentials tokens of HelloAsso and PayPal, kept until a minute before they
/// expire: one token request per account and half hour, not one per donation.
/// </summary>
public sealed class ProviderTokens(IHttpClientFactory http, TimeProvider clock)
{
    private readonly ConcurrentDictionary<string, (string Token, DateTimeOffset Until)> _tokens = new(StringComparer.Ordinal);

    /// <summary>HelloAsso: client id and secret in the form body.</summary>
    public Task<string> HelloAssoAsync(string baseUrl, string clientId, string secret, CancellationToken ct) =>
        GetAsync(baseUrl + "/oauth2/token", clientId, secret, basic: false, ct);

    /// <summary>PayPal: client id and secret as HTTP Basic credentials.</summary>
    public Task<string> PayPalAsync(string baseUrl, string clientId, string secret, CancellationToken ct) =>
        GetAsync(baseUrl + "/v1/oauth2/token", clientId, secret, basic: true, ct);

    private async Task<string> GetAsync(string url, string clientId, string secret, bool basic, CancellationToken ct)
    {
        var key = url + "|" + clientId + "|" + Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(secret)));
        if (_tokens.TryGetValue(key, out var cached) && cached.Until > clock.GetUtcNow())
        {
            return cached.Token;
        }
        var form = new Dictionary<string, string> { ["grant_type"] = "client_credentials" };
        if (!basic)
        {
            form["client_id"] = clientId;
            form["client_secret"] = secret;
        }
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new FormUrlEncodedContent(form) };
        if (basic)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(clientId + ":" + secret)));
        }
        using var response = await http.CreateClient(PaymentsSetup.HttpClientName).SendAsync(request, ct);
        await ProviderErrors.EnsureAsync(response, "token", ct);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStreamAsync(ct));
        var token = json.RootElement.GetProperty("access_token").GetString() ?? throw new PaymentProviderException("The provider gave no access token.");
        var lifetime = json.RootElement.TryGetProperty("expires_in", out var e) && e.TryGetInt32(out var seconds) ? seconds : 300;
        _tokens[key] = (token, clock.GetUtcNow().AddSeconds(Math.Max(0, lifetime - 60)));
        return token;
    }
}

/// <summary>A provider refused or failed a request; the donor is told to try again or pick another way.</summary>
public sealed class PaymentProviderException(string message) : Exception(message);

internal static class ProviderErrors
{
    public static async Task EnsureAsync(HttpResponseMessage response, string what, CancellationToken ct)
    {
        if (response.IsSuccessStatusCode)
        {
            return;
        }
        var body = await response.Content.ReadAsStringAsync(ct);
        throw new PaymentProviderException($"The provider refused the {what} request ({(int)response.StatusCode}): {(body.Length > 500 ? body[..500] : body)}");
    }
}
