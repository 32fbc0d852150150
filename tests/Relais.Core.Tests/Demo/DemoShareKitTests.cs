using Microsoft.EntityFrameworkCore;
using Relais.Sharing;

namespace Relais.Core.Tests.Demo;

public class DemoShareKitTests(SeededDemo demo) : IClassFixture<SeededDemo>
{
    [Fact]
    public async Task SeedAsync_EveryPetition_HasAValidKitForEveryNetworkInBothLanguages()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var db = demo.Database.Open();
        var petitions = await db.Petitions.Where(p => p.OrganizationId == demo.Result.OrganizationId).ToListAsync(ct);
        var posts = await db.ShareKitPosts.Where(p => p.OrganizationId == demo.Result.OrganizationId).ToListAsync(ct);

        Assert.Equal(3, petitions.Count);
        foreach (var petition in petitions)
        {
            foreach (var language in new[] { "fr", "en" })
            {
                var kit = posts.Where(p => p.ActionId == petition.Id && p.Language == language).ToList();
                Assert.Equal(ShareNetworks.All.Order(), kit.Select(p => p.Network).Distinct().Order());
                Assert.All(kit, p => Assert.Equal(petition.CampaignId, p.CampaignId));
            }
        }
        Assert.All(posts, p => Assert.Empty(ShareText.Validate(p.Network, p.Language, p.Text)));
    }
}
