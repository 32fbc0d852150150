using System.Data.Common;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Relais.Activities;
using Relais.Data;
using Relais.Ladder;
using Relais.Supporters;

namespace Relais.Web.Tests.Ladder;

/// <summary>The engagement ladder through HTTP: placement after signing, rules editing, next steps, the report.</summary>
public abstract class LadderTests(RelaisHost host)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task DefaultLevels_ManyCallersAtOnce_CreatedOnceAndSeenByAll()
    {
        host.SkipIfUnavailable();
        // A race is not lost every time: several new organizations, twelve callers released together on each.
        for (var round = 0; round < 20; round++)
        {
            var organization = await host.Data.OrganizationAsync();
            using var start = new Barrier(12);

            var seen = await Task.WhenAll(Enumerable.Range(0, 12).Select(_ => Task.Run(() => host.Data.QueryAsync(async db =>
            {
                await db.Database.OpenConnectionAsync();
                start.SignalAndWait();
                return await db.EnsureAsync(organization.Id, CancellationToken.None);
            }))));

            Assert.All(seen, levels => Assert.Equal([1, 2, 3, 4], levels.Select(l => l.Rank)));
            Assert.Single(seen.Select(levels => string.Join(",", levels.Select(l => l.Id))).Distinct());
            Assert.Equal(4, await host.Data.QueryAsync(db => db.LadderLevels.CountAsync(l => l.OrganizationId == organization.Id)));
        }
    }

    [Fact]
    public async Task Signing_LadderJob_PlacesSupporterAtParticipantWithAMove()
    {
        host.SkipIfUnavailable();
        var organization = await host.Data.OrganizationAsync();
        var campaign = await host.Data.CampaignAsync(organization.Id);

        await host.Browser().SignAsync(campaign.Slug, Forms.Signature("climber@example.org"));

        var supporter = await EventuallyAsync(
            () => host.Data.QueryAsync(db => db.Supporters.SingleAsync(s => s.OrganizationId == organization.Id)),
            s => s.LadderEvaluatedAt is not null);
        Assert.Equal(2, supporter.LadderRank);
        var moves = await host.Data.QueryAsync(db => db.LadderMoves.Where(m => m.SupporterId == supporter.Id).ToListAsync());
        var move = Assert.Single(moves);
        Assert.Equal((0, 2, organization.Id, "Signed at least 1"), (move.FromRank, move.ToRank, move.OrganizationId, move.Reason));
        Assert.Equal(4, await host.Data.QueryAsync(db => db.LadderLevels.CountAsync(l => l.OrganizationId == organization.Id)));
    }

    [Fact]
    public async Task EditingRules_TighterParticipantRule_PlacesSupportersAgainAndRecordsTheMoveDown()
    {
        host.SkipIfUnavailable();
        var organization = await host.Data.OrganizationAsync();
        var campaign = await host.Data.CampaignAsync(organization.Id);
        await host.Browser().SignAsync(campaign.Slug, Forms.Signature("once@example.org"));
        await EventuallyAsync(() => RankOfAsync(organization.Id, "once@example.org"), rank => rank == 2);
        var organizer = await host.Browser().LoginAsync(organization.OrganizerEmail);

        var response = await organizer.SubmitAsync("/admin/ladder", Level(2, ("activity", "Signed", "2", "")));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        await EventuallyAsync(() => RankOfAsync(organization.Id, "once@example.org"), rank => rank == 0);
        var moves = await host.Data.QueryAsync(db => db.LadderMoves.Where(m => m.OrganizationId == organization.Id)
            .OrderBy(m => m.MovedAt).Select(m => new { m.FromRank, m.ToRank }).ToListAsync());
        Assert.Equal([(0, 2), (2, 0)], moves.Select(m => (m.FromRank, m.ToRank)));
        var rules = await host.Data.QueryAsync(db => db.LadderLevels.Where(l => l.OrganizationId == organization.Id && l.Rank == 2).Select(l => l.Rules).SingleAsync());
        Assert.Equal([LadderCondition.Did(ActivityType.Signed, 2)], LadderRules.Parse(rules).Conditions);
        var page = await (await organizer.GetAsync(response.Headers.Location)).Content.ReadAsStringAsync();
        Assert.Contains("Saved.", page);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", page);
        Assert.DoesNotContain("<script>alert(1)", page);
    }

    [Theory]
    [InlineData("activity", "Signed", "-3", "", "The count must be a whole number between 1 and 1,000,000.")]
    [InlineData("activity", "Signed", "many", "", "The count must be a whole number between 1 and 1,000,000.")]
    [InlineData("activity", "Flew", "1", "", "Choose a known activity type.")]
    [InlineData("activity", "Signed", "1", "0", "The number of days must be a whole number between 1 and 3,650, or empty.")]
    [InlineData("telepathy", "", "", "", "Unknown condition type.")]
    public async Task RulesForm_BadCondition_Is400WithAClearMessageAndChangesNothing(
        string type, string activity, string count, string days, string message)
    {
        host.SkipIfUnavailable();
        var organization = await host.Data.OrganizationAsync();
        var organizer = await host.Browser().LoginAsync(organization.OrganizerEmail);
        var before = await RulesAsync(organization.Id);

        var response = await organizer.SubmitAsync("/admin/ladder", Level(2, (type, activity, count, days)));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var html = Html.Text(await response.Content.ReadAsStringAsync());
        Assert.Contains($"Level 2: Condition 1: {message}", html);
        Assert.Equal(before, await RulesAsync(organization.Id));
    }

    [Fact]
    public async Task RulesForm_TooManyConditionsOrNoName_Is400()
    {
        host.SkipIfUnavailable();
        var organization = await host.Data.OrganizationAsync();
        var organizer = await host.Browser().LoginAsync(organization.OrganizerEmail);
        var eleven = Enumerable.Repeat(("emailConsent", "", "", ""), LadderRules.MaxConditions + 1).ToArray();
        var nameless = Level(1, ("emailConsent", "", "", ""));
        nameless["Levels[0].NameEn"] = " ";

        var tooMany = await organizer.SubmitAsync("/admin/ladder", Level(1, eleven));
        var noName = await organizer.SubmitAsync("/admin/ladder", nameless);

        Assert.Equal(HttpStatusCode.BadRequest, tooMany.StatusCode);
        Assert.Contains("A level has at most 10 conditions.", Html.Text(await tooMany.Content.ReadAsStringAsync()));
        Assert.Equal(HttpStatusCode.BadRequest, noName.StatusCode);
        Assert.Contains("Each level needs a name in French and in English.", Html.Text(await noName.Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task Viewer_ReadsTheLadderButCannotEditIt()
    {
        host.SkipIfUnavailable();
        var organization = await host.Data.OrganizationAsync();
        var viewer = await host.Browser().LoginAsync(organization.ViewerEmail);
        var before = await RulesAsync(organization.Id);

        var page = await (await viewer.GetAsync("/admin/ladder")).Content.ReadAsStringAsync();
        var post = await viewer.SubmitAsync("/admin/ladder", Level(2, ("activity", "Signed", "5", "")));

        Assert.Contains("Participant", page);
        Assert.Contains("<fieldset disabled", page);
        Assert.DoesNotContain("Save the ladder", page);
        Assert.Equal(HttpStatusCode.Redirect, post.StatusCode);
        Assert.StartsWith("/admin/denied", post.Headers.Location?.AbsolutePath);
        Assert.Equal(before, await RulesAsync(organization.Id));
    }

    [Fact]
    public async Task ThanksPage_AfterSigning_OffersTheNextLevelActionNeverOneAlreadyTaken()
    {
        host.SkipIfUnavailable();
        var organization = await host.Data.OrganizationAsync();
        var participant = await host.Data.CampaignAsync(organization.Id);
        var done = await host.Data.CampaignAsync(organization.Id);
        var next = await host.Data.CampaignAsync(organization.Id);
        await SetLadderRankAsync(done.PetitionId, 3);
        await SetLadderRankAsync(next.PetitionId, 3);
        var browser = host.Browser();
        await browser.SignAsync(done.Slug, Forms.Signature("stepper@example.org"));

        var signed = await browser.SignAsync(participant.Slug, Forms.Signature("stepper@example.org"));
        var thanks = Html.Text(await (await browser.GetAsync(signed.Headers.Location)).Content.ReadAsStringAsync());
        var lastStep = await browser.SignAsync(next.Slug, Forms.Signature("stepper@example.org"));
        var topThanks = Html.Text(await (await browser.GetAsync(lastStep.Headers.Location)).Content.ReadAsStringAsync());

        Assert.Contains(signed.Headers.GetValues("Set-Cookie"), c => c.StartsWith("relais.next=", StringComparison.Ordinal) && c.Contains("httponly"));
        Assert.Contains("Your next step", thanks);
        Assert.Contains($"href=\"/c/{next.Slug}\"", thanks);
        Assert.DoesNotContain($"href=\"/c/{done.Slug}\"", thanks);
        Assert.DoesNotContain($"class=\"button\" href=\"/c/{participant.Slug}\"", thanks);
        Assert.Contains("You have taken every step we offer right now.", topThanks);
        Assert.DoesNotContain($"class=\"button\" href=\"/c/", topThanks);
    }

    [Fact]
    public async Task ThanksPage_ForgedOrMissingReference_FallsBackToTheActionsOwnLevel()
    {
        host.SkipIfUnavailable();
        var organization = await host.Data.OrganizationAsync();
        var participant = await host.Data.CampaignAsync(organization.Id);
        var next = await host.Data.CampaignAsync(organization.Id);
        await SetLadderRankAsync(next.PetitionId, 3);
        var other = await host.Data.OrganizationAsync();
        var foreign = await host.Data.CampaignAsync(other.Id);
        await SetLadderRankAsync(foreign.PetitionId, 4);

        var otherReference = await ReferenceFromSigningAsync(foreign.Slug, "someone@example.org");
        foreach (var cookie in new[] { "", "forged", new string('A', 5_000), "CfDJ8%00%3Cscript%3E", otherReference })
        {
            var browser = host.Browser();
            browser.DefaultRequestHeaders.Add("Cookie", "relais.next=" + cookie);
            var response = await browser.GetAsync($"/c/{participant.Slug}/thanks");
            var html = Html.Text(await response.Content.ReadAsStringAsync());

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Contains($"href=\"/c/{next.Slug}\"", html);
            Assert.DoesNotContain(foreign.Slug, html);
        }
    }

    [Fact]
    public async Task Report_CountsPerLevelAndMovesInTheChosenPeriod()
    {
        host.SkipIfUnavailable();
        var organization = await host.Data.OrganizationAsync();
        var organizer = await host.Browser().LoginAsync(organization.OrganizerEmail);
        await SeedLadderAsync(organization.Id, participants: 3, mobilisers: 1);

        var html = Html.Text(await (await organizer.GetAsync("/admin/ladder/report?from=2026-03-01&to=2026-03-31")).Content.ReadAsStringAsync());
        var defaultPeriod = await organizer.GetAsync("/admin/ladder/report");
        var reversed = await organizer.GetAsync("/admin/ladder/report?from=2026-03-31&to=2026-03-01");
        var garbage = await organizer.GetAsync("/admin/ladder/report?from=yesterday");

        Assert.Contains("<th scope=\"row\">2. Participant</th><td class=\"num\">3</td>", html);
        Assert.Contains("<th scope=\"row\">3. Mobiliser</th><td class=\"num\">1</td>", html);
        Assert.Contains("data-total=\"up\">4<", html);
        Assert.Contains("data-total=\"down\">1<", html);
        Assert.Contains("<svg class=\"chart funnel\"", html);
        Assert.Contains("3/1/2026", html);
        Assert.Contains("<th scope=\"row\">2. Participant</th><td class=\"num\">4</td><td class=\"num\">50.0%</td>", html);
        Assert.Equal(HttpStatusCode.OK, defaultPeriod.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, reversed.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, garbage.StatusCode);
    }

    [Fact]
    public async Task Report_AnotherOrganization_SeesOnlyItsOwnNumbers()
    {
        host.SkipIfUnavailable();
        var victim = await host.Data.OrganizationAsync();
        await SeedLadderAsync(victim.Id, participants: 7, mobilisers: 2);
        var intruder = await host.Data.OrganizationAsync();
        var browser = await host.Browser().LoginAsync(intruder.OrganizerEmail);

        var html = Html.Text(await (await browser.GetAsync("/admin/ladder/report?from=2026-03-01&to=2026-03-31")).Content.ReadAsStringAsync());

        Assert.Contains("<th scope=\"row\">2. Participant</th><td class=\"num\">0</td>", html);
        Assert.Contains("data-total=\"up\">0<", html);
        Assert.DoesNotContain(">7<", html);
    }

    [Fact]
    public async Task CampaignEditor_LadderLevelAndChannel_SavedWhenTheOrganizationsOwnAndRefusedOtherwise()
    {
        host.SkipIfUnavailable();
        var organization = await host.Data.OrganizationAsync();
        var campaign = await host.Data.CampaignAsync(organization.Id);
        var channel = await AddChannelAsync(organization.Id);
        var foreignChannel = await AddChannelAsync((await host.Data.OrganizationAsync()).Id);
        var organizer = await host.Browser().LoginAsync(organization.OrganizerEmail);
        var url = $"/admin/campaigns/{campaign.Id}/edit";
        Dictionary<string, string> Fields(string rank, string channelId) => new()
        {
            ["Input.Slug"] = campaign.Slug,
            ["Input.Languages"] = "en",
            ["Input.HasPetition"] = "true",
            ["Input.PetitionGoal"] = "100",
            ["Input.En.Title"] = "Title",
            ["LadderRank"] = rank,
            ["ChannelId"] = channelId,
        };

        var page = await (await organizer.GetAsync(url)).Content.ReadAsStringAsync();
        var saved = await organizer.SubmitAsync(url, Fields("3", channel.ToString()), url + "?handler=Save");
        var badRank = await organizer.SubmitAsync(url, Fields("9", ""), url + "?handler=Save");
        var badChannel = await organizer.SubmitAsync(url, Fields("2", foreignChannel.ToString()), url + "?handler=Save");

        Assert.Contains("<option value=\"2\" selected=\"selected\">2. Participant</option>", page);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, badRank.StatusCode);
        Assert.Contains("Choose one of your organization's ladder levels.", Html.Text(await badRank.Content.ReadAsStringAsync()));
        Assert.Equal(HttpStatusCode.BadRequest, badChannel.StatusCode);
        Assert.Contains("Choose one of your organization's channels.", Html.Text(await badChannel.Content.ReadAsStringAsync()));
        var stored = await host.Data.QueryAsync(db => db.Campaigns.Include(c => c.Petition).SingleAsync(c => c.Id == campaign.Id));
        Assert.Equal((3, channel), (stored.Petition!.LadderRank, stored.ChannelId));
    }

    [Fact]
    public async Task DueSupportersQuery_UsesThePartialIndex()
    {
        host.SkipIfUnavailable();

        var plan = await host.Data.QueryAsync(async db =>
        {
            var query = db.Supporters.Where(s => s.OrganizationId == Guid.Empty).DueForLadder().Select(s => s.Id).ToQueryString();
            var connection = db.Database.GetDbConnection();
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            // A tiny table would be scanned whatever the indexes; forbid that on PostgreSQL to see what it can use.
            command.CommandText = db.Database.IsSqlite() ? "EXPLAIN QUERY PLAN " + query : "SET enable_seqscan = off; EXPLAIN " + query;
            var lines = new List<string>();
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                lines.Add(Convert.ToString(reader.GetValue(reader.FieldCount - 1), System.Globalization.CultureInfo.InvariantCulture)!);
            }
            return string.Join("\n", lines);
        });

        Assert.Contains("IX_Supporters_LadderDue", plan);
    }

    private static Dictionary<string, string> Level(int rank, params (string Type, string Activity, string Count, string Days)[] conditions)
    {
        var fields = new Dictionary<string, string>
        {
            ["Levels[0].Rank"] = rank.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Levels[0].NameFr"] = "Niveau " + rank,
            ["Levels[0].NameEn"] = "Level " + rank,
            ["Levels[0].DescriptionFr"] = "",
            ["Levels[0].DescriptionEn"] = "<script>alert(1)</script>",
        };
        for (var i = 0; i < conditions.Length; i++)
        {
            fields[$"Levels[0].Conditions[{i}].Type"] = conditions[i].Type;
            fields[$"Levels[0].Conditions[{i}].Activity"] = conditions[i].Activity;
            fields[$"Levels[0].Conditions[{i}].AtLeast"] = conditions[i].Count;
            fields[$"Levels[0].Conditions[{i}].WithinDays"] = conditions[i].Days;
        }
        return fields;
    }

    /// <summary>The reference cookie a signature on another organization's campaign gives.</summary>
    private async Task<string> ReferenceFromSigningAsync(string slug, string email)
    {
        var signed = await host.Browser().SignAsync(slug, Forms.Signature(email));
        var cookie = signed.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("relais.next=", StringComparison.Ordinal));
        return cookie["relais.next=".Length..cookie.IndexOf(';', StringComparison.Ordinal)];
    }

    private Task<int?> RankOfAsync(Guid organizationId, string email) =>
        host.Data.QueryAsync(db => db.Supporters.Where(s => s.OrganizationId == organizationId && s.NormalizedEmail == email)
            .Select(s => (int?)s.LadderRank).SingleOrDefaultAsync());

    /// <summary>The organization's levels as text, after creating the default ones (the job may be doing it at the same time).</summary>
    private async Task<string> RulesAsync(Guid organizationId)
    {
        var levels = await host.Data.QueryAsync(db => db.EnsureAsync(organizationId, CancellationToken.None));
        return string.Join("|", levels.Select(l => l.NameEn + l.Rules));
    }

    private Task SetLadderRankAsync(Guid petitionId, int rank) =>
        host.Data.QueryAsync(db => db.Petitions.Where(p => p.Id == petitionId).ExecuteUpdateAsync(s => s.SetProperty(p => p.LadderRank, rank)));

    private Task<Guid> AddChannelAsync(Guid organizationId) =>
        host.Data.QueryAsync(async db =>
        {
            var channel = new Relais.Channels.Channel { OrganizationId = organizationId, Name = "France", Slug = "france-" + Guid.NewGuid().ToString("N")[..6] };
            db.Channels.Add(channel);
            await db.SaveChangesAsync();
            return channel.Id;
        });

    /// <summary>
    /// Participants and mobilisers placed by moves in March 2026 (a mobiliser went up to 3 and one
    /// came down to 2), plus one older move; all already placed, so the job leaves them alone.
    /// </summary>
    private Task SeedLadderAsync(Guid organizationId, int participants, int mobilisers) =>
        host.Data.QueryAsync(async db =>
        {
            await db.EnsureAsync(organizationId, CancellationToken.None);
            var march = new DateTimeOffset(2026, 3, 10, 12, 0, 0, TimeSpan.Zero);
            var supporters = Enumerable.Range(0, participants + mobilisers).Select(i => new Supporter
            {
                OrganizationId = organizationId,
                Email = $"s{i}@example.org",
                NormalizedEmail = $"s{i}@example.org",
                LadderRank = i < participants ? 2 : 3,
                LastActiveAt = march.AddDays(-100),
                LadderEvaluatedAt = march,
            }).ToList();
            db.Supporters.AddRange(supporters);
            db.LadderMoves.AddRange(supporters.Skip(1).Select(s => new LadderMove
            {
                OrganizationId = organizationId,
                SupporterId = s.Id,
                FromRank = 0,
                ToRank = 2,
                MovedAt = march,
                Reason = "Signed at least 1",
            }));
            db.LadderMoves.Add(new LadderMove
            {
                OrganizationId = organizationId,
                SupporterId = supporters[0].Id,
                FromRank = 0,
                ToRank = 2,
                MovedAt = march.AddMonths(-6),
            });
            db.LadderMoves.AddRange(supporters.Skip(participants).Select(s => new LadderMove
            {
                OrganizationId = organizationId,
                SupporterId = s.Id,
                FromRank = 2,
                ToRank = 3,
                MovedAt = march.AddDays(1),
                Reason = "Hosted at least 1",
            }));
            db.LadderMoves.Add(new LadderMove
            {
                OrganizationId = organizationId,
                SupporterId = supporters[0].Id,
                FromRank = 3,
                ToRank = 2,
                MovedAt = march.AddDays(2),
                Reason = "rules changed",
            });
            return await db.SaveChangesAsync();
        });

    [Fact]
    public async Task Placing_SupporterActsBetweenTheReadAndTheWrite_StaysDueAndIsPlacedWithThatAction()
    {
        host.SkipIfUnavailable();
        var organization = await host.Data.OrganizationAsync();
        var campaign = await host.Data.CampaignAsync(organization.Id);
        var levels = await host.Data.QueryAsync(db => db.EnsureAsync(organization.Id, default));
        var placedAt = DateTimeOffset.UtcNow;
        // Both stand placed (not due), so the ladder job leaves them to the placement under test.
        Supporter Placed(string email) => new()
        {
            OrganizationId = organization.Id,
            Email = email,
            NormalizedEmail = email,
            LastActiveAt = placedAt.AddMinutes(-1),
            LadderEvaluatedAt = placedAt,
        };
        var (steady, acting) = (Placed("steady@example.org"), Placed("acting@example.org"));
        await host.Data.QueryAsync(db =>
        {
            db.Supporters.AddRange(steady, acting);
            db.Activities.Add(new Activity
            {
                OrganizationId = organization.Id,
                SupporterId = steady.Id,
                Type = ActivityType.Signed,
                ActionId = campaign.PetitionId,
            });
            return db.SaveChangesAsync();
        });
        var signsMeanwhile = new SignsBeforeTheWrite(host.Data, organization.Id, acting.Id, campaign.PetitionId);
        var builder = new DbContextOptionsBuilder<RelaisDb>();
        RelaisDatabase.Configure(builder, host.Services.GetRequiredService<IOptions<DatabaseOptions>>().Value);
        await using var db = new RelaisDb(builder.AddInterceptors(signsMeanwhile).Options);

        var moves = await new LadderPlacer(TimeProvider.System).PlaceAsync(db, organization.Id, levels, [steady.Id, acting.Id], TestContext.Current.CancellationToken);

        Assert.True(signsMeanwhile.Signed);
        Assert.Equal([(steady.Id, 0, 2)], moves.Select(m => (m.SupporterId, m.FromRank, m.ToRank)));
        var placed = await EventuallyAsync(
            () => host.Data.QueryAsync(db => db.Supporters.AsNoTracking().SingleAsync(s => s.Id == acting.Id)),
            s => s.LadderEvaluatedAt >= s.LastActiveAt);
        Assert.Equal(2, placed.LadderRank);
    }

    /// <summary>Signs for a supporter from another connection just as the placement begins its write transaction.</summary>
    private sealed class SignsBeforeTheWrite(TestData data, Guid organizationId, Guid supporterId, Guid petitionId) : DbTransactionInterceptor
    {
        public bool Signed { get; private set; }

        public override async ValueTask<InterceptionResult<DbTransaction>> TransactionStartingAsync(
            DbConnection connection, TransactionStartingEventData eventData, InterceptionResult<DbTransaction> result, CancellationToken ct = default)
        {
            if (!Signed)
            {
                Signed = true;
                await data.QueryAsync(async db =>
                {
                    db.Activities.Add(new Activity { OrganizationId = organizationId, SupporterId = supporterId, Type = ActivityType.Signed, ActionId = petitionId });
                    await db.SaveChangesAsync(ct);
                    return await db.Supporters.Where(s => s.Id == supporterId)
                        .ExecuteUpdateAsync(s => s.SetProperty(x => x.LastActiveAt, DateTimeOffset.UtcNow), ct);
                });
            }
            return result;
        }
    }

    private static async Task<T> EventuallyAsync<T>(Func<Task<T>> read, Func<T, bool> done)
    {
        var deadline = DateTimeOffset.UtcNow + Patience;
        while (true)
        {
            var value = await read();
            if (done(value) || DateTimeOffset.UtcNow > deadline)
            {
                Assert.True(done(value), $"Still {value} after {Patience}.");
                return value;
            }
            await Task.Delay(200);
        }
    }
}

public sealed class LadderOnSqlite(SqliteHost host) : LadderTests(host), IClassFixture<SqliteHost>;

public sealed class LadderOnPostgres(PostgresHost host) : LadderTests(host), IClassFixture<PostgresHost>;
