using Bogus;
using Microsoft.EntityFrameworkCore;
using Relais.Activities;
using Relais.Campaigns;
using Relais.Consents;
using Relais.Data;
using Relais.Organizations;
using Relais.Petitions;
using Relais.Sharing;
using Relais.Supporters;

namespace Relais.Demo;

/// <summary>
/// Fills a database with the demo organization: the three campaigns of the design's stories, their
/// petitions, and generated supporters who signed them over the past weeks.
/// </summary>
public static class DemoSeeder
{
    public const string OrganizationSlug = "demo";

    private const string Source = "demo";

    // Fixed, so that every install shows the same people and the same curves (14 November 2012,
    // the day the #palidzesim article was written).
    private const int Seed = 20_121_114;

    private const int ChunkSize = 2_000;
    private const float CommentShare = 0.10f;

    /// <summary>
    /// Creates the demo organization, its three campaigns and their generated supporters and
    /// signatures, all in one transaction. Pass a context that tracks nothing else: its change
    /// tracker is cleared as the rows are written.
    /// </summary>
    /// <exception cref="InvalidOperationException">The demo organization, or one of its campaign slugs, already exists.</exception>
    public static async Task<DemoResult> SeedAsync(RelaisDb db, DemoScale scale, TimeProvider clock, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(scale);
        ArgumentNullException.ThrowIfNull(clock);
        ArgumentOutOfRangeException.ThrowIfNegative(scale.SupportersPerCampaign, nameof(scale));

        var stories = DemoStories.All;
        await EnsureAbsentAsync(db, stories, ct);

        // Everything is generated before the first write, so a failure here touches nothing.
        var demo = Generate(stories, scale, clock.GetUtcNow());

        var detectChanges = db.ChangeTracker.AutoDetectChangesEnabled;
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        try
        {
            // One transaction: a crash or a cancellation never leaves half a demo behind.
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            db.Organizations.Add(demo.Organization);
            db.Campaigns.AddRange(demo.Campaigns);
            db.Petitions.AddRange(demo.Petitions);
            db.ShareKitPosts.AddRange(demo.ShareKits);
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
            await InsertAsync(db, demo.Supporters, ct);
            await InsertAsync(db, demo.Activities, ct);
            await InsertAsync(db, demo.Consents, ct);
            db.LadderLevels.AddRange(demo.Ladder.Levels);
            db.LocalGroups.Add(demo.Ladder.Group);
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
            await InsertAsync(db, demo.Ladder.Memberships, ct);
            await InsertAsync(db, demo.Ladder.Moves, ct);
            await InsertAsync(db, demo.Relays.Activities, ct);
            await InsertAsync(db, demo.Relays.Clicks, ct);
            await DemoDrives.SeedAsync(db, demo.Organization.Id, demo.Campaigns[0].Id, demo.Supporters, clock.GetUtcNow(), ct);
            await DemoContests.SeedAsync(db, demo.Organization.Id, demo.Campaigns, demo.Supporters, clock.GetUtcNow(), ct);
            await transaction.CommitAsync(ct);
        }
        finally
        {
            db.ChangeTracker.Clear();
            db.ChangeTracker.AutoDetectChangesEnabled = detectChanges;
        }

        return new DemoResult(demo.Organization.Id, demo.Campaigns.Count, demo.Supporters.Count, demo.Activities.Count);
    }

    private static async Task EnsureAbsentAsync(RelaisDb db, IReadOnlyList<DemoStory> stories, CancellationToken ct)
    {
        if (await db.Organizations.AnyAsync(o => o.Slug == OrganizationSlug, ct))
        {
            throw new InvalidOperationException(
                $"An organization with the slug '{OrganizationSlug}' already exists; the demo is seeded only once.");
        }
        // Campaign slugs are unique across organizations, so another tenant may hold one already.
        var slugs = stories.Select(s => s.Slug).ToList();
        var taken = await db.Campaigns.Where(c => slugs.Contains(c.Slug)).Select(c => c.Slug).FirstOrDefaultAsync(ct);
        if (taken is not null)
        {
            throw new InvalidOperationException($"The campaign slug '{taken}' is already used; the demo needs it.");
        }
    }

    private static GeneratedDemo Generate(IReadOnlyList<DemoStory> stories, DemoScale scale, DateTimeOffset now)
    {
        var random = new Randomizer(Seed);
        var timeline = new DemoTimeline(random, now);
        var launches = stories.Select(timeline.LaunchOf).ToArray();

        var organization = new Organization
        {
            Name = DemoStories.OrganizationName,
            Slug = OrganizationSlug,
            DefaultLanguage = Languages.French,
            ConsentWordingFr = DemoStories.ConsentWordingFr,
            ConsentWordingEn = DemoStories.ConsentWordingEn,
            ConsentWordingVersion = 1,
            CreatedAt = launches.Min().AddDays(-7),
        };

        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var campaigns = new List<Campaign>(stories.Count);
        var petitions = new List<Petition>(stories.Count);
        for (var s = 0; s < stories.Count; s++)
        {
            var story = stories[s];
            var campaign = new Campaign
            {
                OrganizationId = organization.Id,
                Slug = story.Slug,
                Hashtag = story.Hashtag,
                Deadline = today.AddDays(story.DeadlineInDays),
                Languages = $"{Languages.French},{Languages.English}",
                IsPublished = true,
                PublishedAt = launches[s],
                CreatedAt = launches[s].AddDays(-3),
                UpdatedAt = launches[s],
            };
            campaign.Texts.Add(story.French.ToText(campaign.Id, Languages.French));
            campaign.Texts.Add(story.English.ToText(campaign.Id, Languages.English));
            campaigns.Add(campaign);
            petitions.Add(new Petition
            {
                OrganizationId = organization.Id,
                CampaignId = campaign.Id,
                Goal = story.Goal,
                IsOpen = true,
                CreatedAt = launches[s],
            });
        }

        var signers = DemoSigners.Pick(stories, scale.SupportersPerCampaign, new DemoPeople(random), random);
        var supporters = new List<Supporter>(signers.Count);
        var activities = new List<Activity>(stories.Count * scale.SupportersPerCampaign);
        var consents = new List<Consent>(activities.Capacity);
        foreach (var signer in signers)
        {
            var person = signer.Person;
            var times = signer.Stories
                .Select(s => timeline.NextSignature(stories[s], launches[s], person.UtcOffset))
                .ToArray();
            var supporter = new Supporter
            {
                // Version 7 ids carry their time, so ids sort like the history they record.
                Id = Guid.CreateVersion7(times.Min()),
                OrganizationId = organization.Id,
                Email = person.Email,
                NormalizedEmail = EmailAddress.Normalize(person.Email),
                FirstName = person.FirstName,
                LastName = person.LastName,
                PostalCode = person.PostalCode,
                Country = person.Country,
                Language = person.Language,
                CreatedAt = times.Min(),
                LastActiveAt = times.Max(),
            };
            supporters.Add(supporter);

            for (var i = 0; i < times.Length; i++)
            {
                var s = signer.Stories[i];
                var petition = petitions[s];
                var comments = stories[s].CopyFor(person.Language).Comments;
                activities.Add(new Activity
                {
                    Id = Guid.CreateVersion7(times[i]),
                    OrganizationId = organization.Id,
                    SupporterId = supporter.Id,
                    Type = ActivityType.Signed,
                    CampaignId = petition.CampaignId,
                    ActionId = petition.Id,
                    OccurredAt = times[i],
                    Comment = random.Bool(CommentShare) ? comments[random.Int(0, comments.Count - 1)] : null,
                    Source = Source,
                });
                consents.Add(new Consent
                {
                    Id = Guid.CreateVersion7(times[i]),
                    OrganizationId = organization.Id,
                    SupporterId = supporter.Id,
                    Purpose = ConsentPurposes.PetitionSignature,
                    Granted = true,
                    Wording = organization.ConsentWordingFor(person.Language),
                    WordingVersion = organization.ConsentWordingVersion,
                    Language = person.Language,
                    Source = $"petition:{petition.Id}",
                    RecordedAt = times[i],
                });
                petition.SignatureCount++;
            }
        }

        var ladder = DemoLadder.Generate(organization.Id, supporters, petitions, stories, random, now);
        var shareKits = DemoShareKits.For(organization.Id, stories, petitions, now).ToList();
        // A random stream of its own, so that the people and curves above stay as they were.
        var relays = DemoRelays.Generate(supporters, activities, petitions, new Randomizer(Seed + 1));
        return new GeneratedDemo(organization, campaigns, petitions, supporters, activities, consents, ladder, shareKits, relays);
    }

    private static async Task InsertAsync<T>(RelaisDb db, IReadOnlyList<T> rows, CancellationToken ct)
        where T : class
    {
        // Small batches and a cleared tracker keep memory flat and each SaveChanges cheap.
        foreach (var chunk in rows.Chunk(ChunkSize))
        {
            db.Set<T>().AddRange(chunk);
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
        }
    }

    private sealed record GeneratedDemo(
        Organization Organization,
        IReadOnlyList<Campaign> Campaigns,
        IReadOnlyList<Petition> Petitions,
        IReadOnlyList<Supporter> Supporters,
        IReadOnlyList<Activity> Activities,
        IReadOnlyList<Consent> Consents,
        DemoLadder Ladder,
        IReadOnlyList<ShareKitPost> ShareKits,
        DemoRelays Relays);
}
