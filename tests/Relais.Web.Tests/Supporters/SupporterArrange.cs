using Microsoft.EntityFrameworkCore;
using Relais.Data;
using Relais.Supporters;

namespace Relais.Web.Tests.Supporters;

/// <summary>Arrangements the supporter tests share: a signer's record, found by email.</summary>
internal static class SupporterArrange
{
    public static async Task<Supporter> SignedAsync(RelaisHost host, SeededOrganization organization, SeededCampaign campaign, string email, string? comment = null)
    {
        var fields = Forms.Signature(email);
        if (comment is not null)
        {
            fields["Form.Comment"] = comment;
        }
        var response = await host.Browser().SignAsync(campaign.Slug, fields);
        Assert.Equal(System.Net.HttpStatusCode.Redirect, response.StatusCode);
        return await SupporterAsync(host, organization.Id, email);
    }

    public static Task<Supporter> SupporterAsync(RelaisHost host, Guid organizationId, string email) =>
        host.Data.QueryAsync(db => db.Supporters.AsNoTracking()
            .SingleAsync(s => s.OrganizationId == organizationId && s.NormalizedEmail == EmailAddress.Normalize(email)));

    public static async Task ChangeAsync(RelaisHost host, Func<RelaisDb, Task> change) =>
        await host.Data.QueryAsync(async db =>
        {
            await change(db);
            await db.SaveChangesAsync();
            return 0;
        });

    public static string Unique(string name) => $"{name}-{Guid.NewGuid():N}"[..(name.Length + 9)] + "@example.org";
}
