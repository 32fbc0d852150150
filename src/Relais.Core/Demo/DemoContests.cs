using Microsoft.EntityFrameworkCore;
using Relais.Campaigns;
using Relais.Contests;
using Relais.Data;
using Relais.Giving;
using Relais.Supporters;

namespace Relais.Demo;

/// <summary>
/// Critical Exposure's contest (seed 001): its fundraiser against the demo's other campaigns on a
/// live board with a bonus day, and a contest of its supporters' teams. Donations are written with
/// the totals and tallies the ledger would have kept, so every figure agrees.
/// </summary>
internal static class DemoContests
{
    private const string CampaignSlug = "critical-exposure-concours";

    public static async Task SeedAsync(RelaisDb db, Guid organizationId, IReadOnlyList<Campaign> campaigns, IReadOnlyList<Supporter> supporters, DateTimeOffset now, CancellationToken ct)
    {
        var exposure = campaigns.FirstOrDefault(c => c.Slug == CampaignSlug);
        if (exposure is null || supporters.Count < 10)
        {
            return;
        }
        var random = new Random(2009);
        var fundraisers = new List<Fundraiser>();
        foreach (var campaign in campaigns)
        {
            // Another demo (giving) may already have given the campaign its fundraiser.
            var fundraiser = await db.Fundraisers.SingleOrDefaultAsync(f => f.CampaignId == campaign.Id, ct);
            if (fundraiser is null)
            {
                fundraiser = new Fundraiser { OrganizationId = organizationId, CampaignId = campaign.Id, GoalMinor = 1_500_000, SuggestedAmounts = "1000,2500,5000" };
                db.Fundraisers.Add(fundraiser);
            }
            fundraisers.Add(fundraiser);
        }
        var exposureFundraiser = fundraisers[campaigns.ToList().IndexOf(exposure)];

        string[] teamNames = ["Les photographes du lycée", "Les parents d'élèves", "Les anciens de l'expo"];
        var teams = teamNames.Select((name, i) => new FundraisingTeam
        {
            OrganizationId = organizationId,
            FundraiserId = exposureFundraiser.Id,
            CaptainSupporterId = supporters[i].Id,
            Name = name,
            Slug = PageSlugs.From(name),
            GoalMinor = 300_000,
        }).ToList();
        var pages = teams.Select((team, i) => new FundraisingPage
        {
            OrganizationId = organizationId,
            FundraiserId = exposureFundraiser.Id,
            SupporterId = team.CaptainSupporterId,
            TeamId = team.Id,
            Slug = "ce-" + team.Slug,
            Title = "Je collecte avec " + team.Name,
            Story = "Nos photos montrent nos salles de classe. **10 €** suffisent pour imprimer un tirage de l'exposition.",
            GoalMinor = 100_000,
        }).ToList();
        db.FundraisingTeams.AddRange(teams);
        db.FundraisingPages.AddRange(pages);

        var starts = now.AddDays(-20);
        var ends = now.AddDays(5);
        var bonusStarts = now.AddDays(-2).Date;
        var challenge = new Contest
        {
            OrganizationId = organizationId,
            Slug = "defi-des-dons",
            Title = "Le défi des dons",
            StartsAt = starts,
            EndsAt = ends,
            BonusStartsAt = new DateTimeOffset(bonusStarts, TimeSpan.Zero),
            BonusEndsAt = new DateTimeOffset(bonusStarts, TimeSpan.Zero).AddDays(1),
            JoinCode = ContestCodes.New(),
            EntryKind = ContestEntryKind.Fundraisers,
        };
        var teamsContest = new Contest
        {
            OrganizationId = organizationId,
            Slug = "defi-des-equipes",
            Title = "Le défi des équipes de Critical Exposure",
            StartsAt = starts,
            EndsAt = ends,
            JoinCode = ContestCodes.New(),
            EntryKind = ContestEntryKind.Teams,
        };
        db.Contests.AddRange(challenge, teamsContest);
        var entries = new List<(ContestEntry Entry, Contest Contest)>();
        for (var i = 0; i < campaigns.Count; i++)
        {
            var name = campaigns[i].Texts.FirstOrDefault(t => t.Language == "fr")?.Title ?? campaigns[i].Slug;
            entries.Add((new ContestEntry { ContestId = challenge.Id, OrganizationId = organizationId, FundraiserId = fundraisers[i].Id, DisplayName = name }, challenge));
        }
        entries.AddRange(teams.Select(t => (new ContestEntry { ContestId = teamsContest.Id, OrganizationId = organizationId, TeamId = t.Id, DisplayName = t.Name }, teamsContest)));
        db.ContestEntries.AddRange(entries.Select(e => e.Entry));
        var tallies = entries.SelectMany(e => new[] { ContestBoard.Main, ContestBoard.Bonus }
            .Select(board => new ContestTally { EntryId = e.Entry.Id, ContestId = e.Contest.Id, Board = board })).ToDictionary(t => (t.EntryId, t.Board));
        db.ContestTallies.AddRange(tallies.Values);
        var donors = new Dictionary<(Guid EntryId, ContestBoard Board, Guid SupporterId), int>();
        var fundraiserDonors = new HashSet<(Guid, Guid)>();

        // Critical Exposure's many small gifts (10 € first), its rivals' fewer larger ones.
        for (var n = 0; n < 240; n++)
        {
            var index = n % 5 < 3 ? campaigns.ToList().IndexOf(exposure) : random.Next(campaigns.Count);
            var fundraiser = fundraisers[index];
            var toExposure = fundraiser == exposureFundraiser;
            var supporter = supporters[random.Next(supporters.Count)];
            var amount = toExposure ? (random.Next(4) == 0 ? 2_500 : 1_000) : random.Next(2, 8) * 1_000;
            var at = starts.AddMinutes(random.Next((int)(now - starts).TotalMinutes));
            var page = toExposure && random.Next(2) == 0 ? pages[random.Next(pages.Count)] : null;
            var team = page is null ? null : teams.First(t => t.Id == page.TeamId);
            db.Donations.Add(new Donation
            {
                OrganizationId = organizationId,
                FundraiserId = fundraiser.Id,
                CampaignId = fundraiser.CampaignId,
                SupporterId = supporter.Id,
                FundraisingPageId = page?.Id,
                FundraisingTeamId = team?.Id,
                AmountMinor = amount,
                Status = DonationStatus.Succeeded,
                Provider = "offline",
                OfflineMethod = "transfer",
                IdempotencyKey = "demo-contest-" + n,
                Source = "demo",
                DisplayName = supporter.FirstName,
                CreatedAt = at,
                SettledAt = at,
            });
            fundraiser.RaisedMinor += amount;
            fundraiser.DonationCount++;
            fundraiser.DonorCount += fundraiserDonors.Add((fundraiser.Id, supporter.Id)) ? 1 : 0;
            if (page is not null && team is not null)
            {
                page.RaisedMinor += amount;
                page.DonationCount++;
                page.DonorCount += fundraiserDonors.Add((page.Id, supporter.Id)) ? 1 : 0;
                team.RaisedMinor += amount;
                team.DonationCount++;
                team.DonorCount += fundraiserDonors.Add((team.Id, supporter.Id)) ? 1 : 0;
            }
            foreach (var (entry, contest) in entries.Where(e => e.Entry.FundraiserId == fundraiser.Id || (team is not null && e.Entry.TeamId == team.Id)))
            {
                foreach (var board in contest.Period.BoardsAt(at))
                {
                    var tally = tallies[(entry.Id, board)];
                    tally.AmountMinor += amount;
                    tally.DonationCount++;
                    var given = donors.GetValueOrDefault((entry.Id, board, supporter.Id));
                    donors[(entry.Id, board, supporter.Id)] = given + 1;
                    tally.DonorCount += given == 0 ? 1 : 0;
                }
            }
        }
        db.ContestDonors.AddRange(donors.Select(d => new ContestDonor { EntryId = d.Key.EntryId, Board = d.Key.Board, SupporterId = d.Key.SupporterId, Donations = d.Value }));
        // The seeder turns automatic change detection off; an existing fundraiser's totals changed.
        db.ChangeTracker.DetectChanges();
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
    }
}
