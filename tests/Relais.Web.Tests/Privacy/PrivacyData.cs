using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Relais.Supporters;

namespace Relais.Web.Tests.Privacy;

/// <summary>Arrangements the privacy tests share.</summary>
public static class PrivacyData
{
    public static Dictionary<string, string> WithEmailUpdates(this Dictionary<string, string> signature)
    {
        signature["Form.EmailUpdates"] = "true";
        return signature;
    }

    public static Task RequireDoubleOptInAsync(this TestData data, Guid organizationId, bool require = true) =>
        data.QueryAsync(db => db.Organizations.Where(o => o.Id == organizationId)
            .ExecuteUpdateAsync(s => s.SetProperty(o => o.RequireDoubleOptIn, require)));

    public static Task<Supporter> SupporterAsync(this TestData data, Guid organizationId, string email) =>
        data.QueryAsync(db => db.Supporters.AsNoTracking()
            .SingleAsync(s => s.OrganizationId == organizationId && s.NormalizedEmail == EmailAddress.Normalize(email)));

    /// <summary>POSTs <paramref name="fields"/> to <paramref name="url"/> with a token read from another page (for pages that show no form).</summary>
    public static async Task<HttpResponseMessage> PostWithTokenFromAsync(
        this HttpClient client, string tokenPage, string url, Dictionary<string, string>? fields = null)
    {
        var token = await client.TokenAsync(tokenPage);
        var form = new Dictionary<string, string>(fields ?? []) { ["__af"] = token };
        return await client.PostAsync(url, new FormUrlEncodedContent(form));
    }

    public static async Task<string> TextAsync(this HttpResponseMessage response) =>
        Html.Text(await response.Content.ReadAsStringAsync());

    public static async Task<HttpResponseMessage> AskForLinkAsync(this HttpClient client, string organizationSlug, string email, string want) =>
        await client.SubmitAsync($"/o/{organizationSlug}/privacy", new Dictionary<string, string> { ["Email"] = email, ["Want"] = want });

    public static string SecretOf(string linkPath) => Regex.Match(linkPath, "[^/]+$").Value;
}
