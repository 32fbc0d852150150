using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Relais.Activities;
using Relais.Campaigns;
using Relais.Data;
using Relais.Giving;
using Relais.Organizations;
using Relais.Petitions;
using Relais.Web.Members;

namespace Relais.TestKit;

public sealed record SeededOrganization(Guid Id, string Slug, string OrganizerEmail, string ViewerEmail, string Password);

public sealed record SeededCampaign(Guid Id, string Slug, Guid PetitionId);

/// <summary>Arranges rows straight in the database, and reads them back for assertions.</summary>
public sealed class TestData(IServiceProvider services)
{
    public const string Password = "correct horse battery staple";

    public async Task<SeededOrganization> OrganizationAsync(string? name = null)
    {
        var slug = "org-" + Guid.NewGuid().ToString("N")[..10];
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RelaisDb>();
        var organization = new Organization
        {
            Name = name ?? slug,
            Slug = slug,
            ConsentWordingFr = "J'accepte (" + slug + ")",
            ConsentWordingEn = "I agree (" + slug + ")",
            ConsentWordingVersion = 3,
        };
        db.Organizations.Add(organization);
        await db.SaveChangesAsync();
        var accounts = scope.ServiceProvider.GetRequiredService<MemberAccounts>();
        var organizer = $"organizer-{slug}@example.org";
        var viewer = $"viewer-{slug}@example.org";
        Check(await accounts.CreateAsync(organizer, organization.Id, MemberRole.Organizer, Password));
        Check(await accounts.CreateAsync(viewer, organization.Id, MemberRole.Viewer, Password));
        return new SeededOrganization(organization.Id, slug, organizer, viewer, Password);
    }

    public async Task<SeededCampaign> CampaignAsync(
        Guid organizationId, bool published = true, string story = "A **story**.", int goal = 100, bool open = true)
    {
        var slug = "campaign-" + Guid.NewGuid().ToString("N")[..10];
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RelaisDb>();
        var campaign = new Campaign
        {
            OrganizationId = organizationId,
            Slug = slug,
            Languages = "fr,en",
            Hashtag = "#test",
            Deadline = new DateOnly(2030, 6, 30),
        };
        campaign.Texts.Add(new CampaignText
        {
            CampaignId = campaign.Id,
            Language = "fr",
            Title = "Titre " + slug,
            Ask = "La demande",
            Target = "La mairie",
            Story = story,
        });
        campaign.Texts.Add(new CampaignText
        {
            CampaignId = campaign.Id,
            Language = "en",
            Title = "Title " + slug,
            Ask = "The ask",
            Target = "The town hall",
            Story = story,
        });
        campaign.Petition = new Petition { OrganizationId = organizationId, CampaignId = campaign.Id, Goal = goal, IsOpen = open };
        if (published)
        {
            campaign.Publish(DateTimeOffset.UtcNow);
        }
        db.Campaigns.Add(campaign);
        await db.SaveChangesAsync();
        return new SeededCampaign(campaign.Id, slug, campaign.Petition.Id);
    }

    /// <summary>A fundraiser on an existing campaign (goal and amounts in minor units).</summary>
    public async Task<Guid> FundraiserAsync(Guid organizationId, Guid campaignId, long goalMinor = 1_000_000, string currency = "EUR")
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RelaisDb>();
        var fundraiser = new Fundraiser { OrganizationId = organizationId, CampaignId = campaignId, GoalMinor = goalMinor, Currency = currency };
        db.Fundraisers.Add(fundraiser);
        await db.SaveChangesAsync();
        return fundraiser.Id;
    }

    /// <summary>
    /// A donation from a new supporter, moved to <paramref name="status"/> through the real
    /// <see cref="DonationLedger"/> (so totals and observers see it); returns the donation's id.
    /// </summary>
    public async Task<Guid> DonationAsync(
        Guid organizationId, Guid fundraiserId, long amountMinor, DonationStatus status = DonationStatus.Succeeded,
        string? email = null, Guid? pageId = null, Guid? teamId = null, DateTimeOffset? at = null)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RelaisDb>();
        var fundraiser = await db.Fundraisers.SingleAsync(f => f.Id == fundraiserId);
        email ??= "donor-" + Guid.NewGuid().ToString("N")[..10] + "@example.org";
        var supporter = await db.Supporters.SingleOrDefaultAsync(s => s.OrganizationId == organizationId && s.NormalizedEmail == Relais.Supporters.EmailAddress.Normalize(email));
        if (supporter is null)
        {
            supporter = new Relais.Supporters.Supporter { OrganizationId = organizationId, Email = email, NormalizedEmail = Relais.Supporters.EmailAddress.Normalize(email), FirstName = "Donor" };
            db.Supporters.Add(supporter);
        }
        var donation = new Donation
        {
            OrganizationId = organizationId,
            FundraiserId = fundraiserId,
            CampaignId = fundraiser.CampaignId,
            SupporterId = supporter.Id,
            FundraisingPageId = pageId,
            FundraisingTeamId = teamId,
            AmountMinor = amountMinor,
            Currency = fundraiser.Currency,
            Provider = "offline",
            OfflineMethod = "transfer",
            IdempotencyKey = Guid.NewGuid().ToString("N"),
            CreatedAt = at ?? DateTimeOffset.UtcNow,
        };
        db.Donations.Add(donation);
        await db.SaveChangesAsync();
        if (status != DonationStatus.Pending)
        {
            var ledger = scope.ServiceProvider.GetRequiredService<DonationLedger>();
            await using var transaction = await db.Database.BeginTransactionAsync();
            if (status == DonationStatus.Refunded)
            {
                await ledger.MoveAsync(db, donation, DonationStatus.Succeeded, at ?? DateTimeOffset.UtcNow, default);
            }
            await ledger.MoveAsync(db, donation, status, at ?? DateTimeOffset.UtcNow, default);
            await transaction.CommitAsync();
        }
        return donation.Id;
    }

    public async Task<T> QueryAsync<T>(Func<RelaisDb, Task<T>> query)
    {
        await using var scope = services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<RelaisDb>());
    }

    public Task<int> SignaturesAsync(Guid petitionId) =>
        QueryAsync(db => db.Activities.CountAsync(a => a.ActionId == petitionId && a.Type == ActivityType.Signed));

    public Task<int> StoredCountAsync(Guid petitionId) =>
        QueryAsync(db => db.Petitions.Where(p => p.Id == petitionId).Select(p => p.SignatureCount).SingleAsync());

    public Task<int> SupportersAsync(Guid organizationId) =>
        QueryAsync(db => db.Supporters.CountAsync(s => s.OrganizationId == organizationId));

    private static void Check(Microsoft.AspNetCore.Identity.IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Description)));
        }
    }
}
