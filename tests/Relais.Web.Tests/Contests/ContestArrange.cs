using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Relais.Contests;
using Relais.Giving;

namespace Relais.Web.Tests.Contests;

/// <summary>Arranges contests straight in the database and reads their public board.</summary>
internal static class ContestArrange
{
    public static async Task<Contest> ContestAsync(
        this RelaisHost host, Guid organizationId, DateTimeOffset startsAt, DateTimeOffset endsAt,
        DateTimeOffset? bonusStartsAt = null, DateTimeOffset? bonusEndsAt = null,
        ContestEntryKind kind = ContestEntryKind.Fundraisers, string currency = "EUR")
    {
        var contest = new Contest
        {
            OrganizationId = organizationId,
            Slug = "contest-" + Guid.NewGuid().ToString("N")[..10],
            Title = "Contest",
            Currency = currency,
            EntryKind = kind,
            StartsAt = startsAt,
            EndsAt = endsAt,
            BonusStartsAt = bonusStartsAt,
            BonusEndsAt = bonusEndsAt,
            JoinCode = ContestCodes.New(),
        };
        await host.Data.QueryAsync(async db =>
        {
            db.Contests.Add(contest);
            return await db.SaveChangesAsync();
        });
        return contest;
    }

    /// <summary>Enters a fundraiser or team of the organization (as the organizer's page would).</summary>
    public static async Task EnterAsync(this RelaisHost host, Contest contest, Guid organizationId, string name, Guid? fundraiserId = null, Guid? teamId = null)
    {
        var refusal = await host.Data.QueryAsync(async db =>
        {
            var stored = await db.Contests.AsNoTracking().SingleAsync(c => c.Id == contest.Id);
            return await ContestEntries.EnterAsync(db, stored, organizationId, fundraiserId, teamId, name, DateTimeOffset.UtcNow, default);
        });
        Assert.Null(refusal);
    }

    public static async Task<JsonElement> BoardAsync(this RelaisHost host, string slug)
    {
        var response = await host.Browser().GetAsync($"/contests/{slug}/board.json");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }

    /// <summary>Names in board order, with (amount, donors).</summary>
    public static List<(string Name, long Amount, int Donors)> Lines(this JsonElement board, string key) =>
        board.GetProperty(key).EnumerateArray()
            .Select(l => (l.GetProperty("name").GetString()!, l.GetProperty("amount").GetInt64(), l.GetProperty("donors").GetInt32()))
            .ToList();

    public static async Task<(Guid OrganizationId, Guid FundraiserId)> FundraiserAsync(this RelaisHost host, Guid? organizationId = null, string currency = "EUR")
    {
        var orgId = organizationId ?? (await host.Data.OrganizationAsync()).Id;
        var campaign = await host.Data.CampaignAsync(orgId);
        return (orgId, await host.Data.FundraiserAsync(orgId, campaign.Id, currency: currency));
    }

    public static async Task<Guid> TeamAsync(this RelaisHost host, Guid organizationId, Guid fundraiserId, string name)
    {
        return await host.Data.QueryAsync(async db =>
        {
            var captain = new Relais.Supporters.Supporter
            {
                OrganizationId = organizationId,
                Email = $"captain-{Guid.NewGuid():N}@example.org",
                NormalizedEmail = $"captain-{Guid.NewGuid():N}@example.org",
            };
            db.Supporters.Add(captain);
            var team = new FundraisingTeam
            {
                OrganizationId = organizationId,
                FundraiserId = fundraiserId,
                CaptainSupporterId = captain.Id,
                Name = name,
                Slug = "team-" + Guid.NewGuid().ToString("N")[..10],
            };
            db.FundraisingTeams.Add(team);
            await db.SaveChangesAsync();
            return team.Id;
        });
    }
}
