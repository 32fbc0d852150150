using Microsoft.EntityFrameworkCore;
using Relais.Activities;
using Relais.Campaigns;
using Relais.Consents;
using Relais.Data;
using Relais.Demo;
using Relais.Organizations;
using Relais.Petitions;
using Relais.Supporters;

namespace Relais.Core.Tests.Demo;

/// <summary>One small demo, seeded once and read by every test of the class.</summary>
public sealed class SeededDemo : IAsyncLifetime
{
    public const int PerCampaign = 300;

    public static DateTimeOffset Now { get; } = new(2026, 11, 21, 15, 30, 0, TimeSpan.Zero);

    public TempSqliteDatabase Database { get; } = new();
    public TimeProvider Clock { get; } = new FixedClock(Now);
    public DemoResult Result { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        await using var db = await Database.OpenMigratedAsync();
        Result = await DemoSeeder.SeedAsync(db, new DemoScale(PerCampaign), Clock, CancellationToken.None);
    }

    public ValueTask DisposeAsync() => Database.DisposeAsync();
}

public class DemoSeederTests(SeededDemo demo) : IClassFixture<SeededDemo>
{
    private static readonly string[] ReservedDomains = ["example.org", "example.com", "example.net"];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task SeedAsync_SmallScale_PublishesThreeCampaignsWithEveryCanvasFieldInBothLanguages()
    {
        await using var db = demo.Database.Open();
        var campaigns = await db.Campaigns.Include(c => c.Texts)
            .Where(c => c.OrganizationId == demo.Result.OrganizationId)
            .ToListAsync(Ct);

        Assert.Equal(3, campaigns.Count);
        Assert.Equal(3, demo.Result.Campaigns);
        Assert.Equal(3, campaigns.Select(c => c.Slug).Distinct().Count());
        var today = DateOnly.FromDateTime(SeededDemo.Now.UtcDateTime);
        foreach (var campaign in campaigns)
        {
            Assert.True(campaign.IsPublished);
            Assert.NotNull(campaign.PublishedAt);
            Assert.True(campaign.PublishedAt < SeededDemo.Now);
            Assert.True(CampaignCanvas.IsValidSlug(campaign.Slug));
            Assert.True(CampaignCanvas.IsValidHashtag(campaign.Hashtag));
            Assert.StartsWith("#", campaign.Hashtag);
            Assert.True(campaign.Deadline > today, $"{campaign.Slug} should still be open.");
            Assert.Null(campaign.HookImageId);
            Assert.Equal(["fr", "en"], campaign.LanguageList);
            Assert.Equal(["en", "fr"], campaign.Texts.Select(t => t.Language).Order());
            foreach (var text in campaign.Texts)
            {
                string[] fields =
                [
                    text.Title, text.Ask, text.Target, text.TheoryOfChange, text.Base,
                    text.Allies, text.CallToAction, text.Story, text.Hook,
                ];
                Assert.All(fields, f => Assert.False(string.IsNullOrWhiteSpace(f)));
                Assert.True(text.Title.Length <= CampaignCanvas.TitleMax);
                Assert.True(text.Story.Length <= CampaignCanvas.StoryMax);
                Assert.All(fields[1..^2], f => Assert.True(f.Length <= CampaignCanvas.ShortFieldMax));
                Assert.True(text.Hook.Length <= CampaignCanvas.ShortFieldMax);
            }
        }
    }

    [Fact]
    public async Task SeedAsync_SmallScale_SignatureCountEqualsSignedActivities()
    {
        await using var db = demo.Database.Open();
        var petitions = await db.Petitions.Where(p => p.OrganizationId == demo.Result.OrganizationId).ToListAsync(Ct);
        var signed = await db.Activities
            .Where(a => a.Type == ActivityType.Signed && a.OrganizationId == demo.Result.OrganizationId)
            .GroupBy(a => a.ActionId)
            .Select(g => new { ActionId = g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.ActionId!.Value, g => g.Count, Ct);

        Assert.Equal(3, petitions.Count);
        foreach (var petition in petitions)
        {
            Assert.True(petition.IsOpen);
            Assert.Equal(SeededDemo.PerCampaign, petition.SignatureCount);
            Assert.Equal(petition.SignatureCount, signed[petition.Id]);
        }
        Assert.Equal(3 * SeededDemo.PerCampaign, demo.Result.Signatures);
    }

    [Fact]
    public async Task SeedAsync_SmallScale_EmailsAreUniqueNormalizedAndReserved()
    {
        await using var db = demo.Database.Open();
        var supporters = await db.Supporters.Where(s => s.OrganizationId == demo.Result.OrganizationId).ToListAsync(Ct);

        Assert.Equal(demo.Result.Supporters, supporters.Count);
        Assert.Equal(supporters.Count, supporters.Select(s => s.NormalizedEmail).Distinct().Count());
        Assert.All(supporters, s =>
        {
            Assert.Equal(EmailAddress.Normalize(s.Email), s.NormalizedEmail);
            Assert.Contains(s.NormalizedEmail.Split('@')[1], ReservedDomains);
        });
    }

    [Fact]
    public async Task SeedAsync_SmallScale_SupportersPassTheSignatureForm()
    {
        await using var db = demo.Database.Open();
        var supporters = await db.Supporters.Where(s => s.OrganizationId == demo.Result.OrganizationId).ToListAsync(Ct);

        // A generated person must be someone the real form would have accepted.
        Assert.All(supporters, s =>
        {
            var form = new SignatureForm
            {
                FirstName = s.FirstName,
                LastName = s.LastName,
                Email = s.Email,
                PostalCode = s.PostalCode,
                Country = s.Country,
                Consent = true,
            };
            Assert.Empty(form.Validate());
            Assert.True(Languages.IsSupported(s.Language));
        });
        Assert.Contains(supporters, s => s.Language == Languages.French);
        Assert.Contains(supporters, s => s.Language == Languages.English);
    }

    [Fact]
    public async Task SeedAsync_SmallScale_AboutFifteenPercentSignSeveralPetitions()
    {
        await using var db = demo.Database.Open();
        var perSupporter = await db.Activities
            .Where(a => a.Type == ActivityType.Signed && a.OrganizationId == demo.Result.OrganizationId)
            .GroupBy(a => a.SupporterId)
            .Select(g => g.Count())
            .ToListAsync(Ct);

        var several = perSupporter.Count(n => n > 1);
        var share = (double)several / perSupporter.Count;
        Assert.InRange(share, 0.10, 0.20);
        Assert.Contains(3, perSupporter);
        Assert.DoesNotContain(perSupporter, n => n > 3);
    }

    [Fact]
    public async Task SeedAsync_FixedClock_ActivitiesFallBetweenLaunchAndNow()
    {
        await using var db = demo.Database.Open();
        var launches = await db.Campaigns.ToDictionaryAsync(c => c.Id, c => c.PublishedAt!.Value, Ct);
        var activities = await db.Activities.Where(a => a.OrganizationId == demo.Result.OrganizationId).ToListAsync(Ct);

        Assert.All(activities, a =>
        {
            Assert.True(a.OccurredAt <= SeededDemo.Now, $"{a.OccurredAt} is in the future.");
            Assert.True(a.OccurredAt >= launches[a.CampaignId!.Value], $"{a.OccurredAt} is before the launch.");
            Assert.Equal("demo", a.Source);
        });
        // Launched 30 to 90 days ago.
        Assert.All(launches.Values, l => Assert.InRange((SeededDemo.Now - l).TotalDays, 30, 91));
        Assert.InRange(activities.Count(a => a.Comment is not null), activities.Count / 20, activities.Count / 5);
    }

    [Fact]
    public async Task SeedAsync_FixedClock_SupporterDatesSpanTheirSignatures()
    {
        await using var db = demo.Database.Open();
        var supporters = await db.Supporters.Where(s => s.OrganizationId == demo.Result.OrganizationId).ToListAsync(Ct);
        var times = (await db.Activities.Where(a => a.OrganizationId == demo.Result.OrganizationId).ToListAsync(Ct))
            .ToLookup(a => a.SupporterId, a => a.OccurredAt);

        Assert.All(supporters, s =>
        {
            Assert.Equal(times[s.Id].Min(), s.CreatedAt);
            Assert.Equal(times[s.Id].Max(), s.LastActiveAt);
        });
    }

    [Fact]
    public async Task SeedAsync_EverySignature_HasAConsentInTheSupportersLanguage()
    {
        await using var db = demo.Database.Open();
        var organization = await db.Organizations.SingleAsync(o => o.Id == demo.Result.OrganizationId, Ct);
        var languages = await db.Supporters.Where(s => s.OrganizationId == organization.Id)
            .ToDictionaryAsync(s => s.Id, s => s.Language, Ct);
        var signatures = await db.Activities
            .Where(a => a.Type == ActivityType.Signed && a.OrganizationId == organization.Id)
            .ToListAsync(Ct);
        var consents = (await db.Consents.Where(c => c.OrganizationId == organization.Id).ToListAsync(Ct))
            .ToDictionary(c => (c.SupporterId, c.Source));

        Assert.Equal(signatures.Count, consents.Count);
        Assert.All(signatures, a =>
        {
            var consent = consents[(a.SupporterId, $"petition:{a.ActionId}")];
            Assert.Equal(ConsentPurposes.PetitionSignature, consent.Purpose);
            Assert.True(consent.Granted);
            Assert.Equal(languages[a.SupporterId], consent.Language);
            Assert.Equal(organization.ConsentWordingFor(consent.Language), consent.Wording);
            Assert.Equal(organization.ConsentWordingVersion, consent.WordingVersion);
            Assert.Equal(a.OccurredAt, consent.RecordedAt);
        });
    }

    [Fact]
    public async Task SeedAsync_AlreadySeeded_ThrowsAndAddsNothing()
    {
        await using var db = demo.Database.Open();

        await Assert.ThrowsAsync<InvalidOperationException>(
            () => DemoSeeder.SeedAsync(db, new DemoScale(10), demo.Clock, Ct));

        Assert.Equal(1, await db.Organizations.CountAsync(o => o.Slug == DemoSeeder.OrganizationSlug, Ct));
        Assert.Equal(demo.Result.Supporters, await db.Supporters.CountAsync(Ct));
    }

    [Fact]
    public async Task SeedAsync_FixedSeed_TwoDatabasesGetTheSamePeople()
    {
        await using var first = new TempSqliteDatabase();
        await using var second = new TempSqliteDatabase();

        var a = await SeedAndListAsync(first);
        var b = await SeedAndListAsync(second);

        Assert.Equal(a, b);
        Assert.NotEmpty(a);
    }

    private async Task<List<string>> SeedAndListAsync(TempSqliteDatabase database)
    {
        await using (var db = await database.OpenMigratedAsync())
        {
            await DemoSeeder.SeedAsync(db, new DemoScale(40), demo.Clock, Ct);
        }
        await using var read = database.Open();
        return await read.Supporters
            .OrderBy(s => s.NormalizedEmail)
            .Select(s => s.NormalizedEmail + " " + s.FirstName + " " + s.LastName + " " + s.Country + " " + s.PostalCode)
            .ToListAsync(Ct);
    }
}
