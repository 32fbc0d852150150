using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Relais.Activities;
using Relais.Consents;
using Relais.Data;
using Relais.Segments;
using Relais.Supporters;
using Relais.Tags;

namespace Relais.Web.Tests.Segments;

/// <summary>
/// The SQL of a three-condition segment and the database's plan for it, on a few thousand generated
/// rows: every subquery must be answered from an index, never by reading a whole table.
/// </summary>
public abstract class SegmentQueryPlanTests(RelaisHost host, ITestOutputHelper output)
{
    [Fact]
    public async Task Plan_ThreeConditions_SearchesIndexesOnly()
    {
        host.SkipIfUnavailable();
        var (organization, petition, tag, now) = await SeedAsync();
        var definition = SegmentParser.ParseJson($$"""
            {"match":"all","conditions":[
              {"kind":"took-action","action":"{{petition}}","from":"2025-01-01"},
              {"kind":"tag","tag":"{{tag}}","not":true},
              {"kind":"ladder","op":"gte","rank":"2"}]}
            """).Definition!;

        var plan = await PlanAsync(organization, definition, now);

        Assert.Contains(plan, l => l.Contains("IX_Activities_", StringComparison.Ordinal) || l.Contains("UX_Activities_", StringComparison.Ordinal));
        Assert.DoesNotContain(plan, l => l.Contains("Seq Scan on \"Activities\"", StringComparison.Ordinal));
        if (host.Provider == DatabaseProvider.Sqlite)
        {
            // SQLite reads no table from end to end: the supporters come from the signers' ids, the tags from their index.
            Assert.DoesNotContain(plan, l => l.Contains(" SCAN ", StringComparison.Ordinal));
            Assert.Contains(plan, l => l.Contains("USING COVERING INDEX sqlite_autoindex_SupporterTags_1", StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task Plan_SignersInOneCountryAtALevel_ReadsTheSegmentIndexNotTheTable()
    {
        host.SkipIfUnavailable();
        var (organization, petition, _, now) = await SeedAsync();
        var definition = SegmentParser.ParseJson($$"""
            {"match":"all","conditions":[
              {"kind":"took-action","action":"{{petition}}"},
              {"kind":"ladder","op":"gte","rank":"2"},
              {"kind":"country","countries":["FR"]}]}
            """).Definition!;

        var plan = await PlanAsync(organization, definition, now);

        Assert.Contains(plan, l => l.Contains("IX_Supporters_Segments", StringComparison.Ordinal));
        if (host.Provider == DatabaseProvider.Postgres)
        {
            // The supporters and the signers both come sorted by supporter id from their indexes.
            Assert.Contains(plan, l => l.Contains("Index Only Scan using \"IX_Supporters_Segments\"", StringComparison.Ordinal));
            Assert.Contains(plan, l => l.Contains("Merge Semi Join", StringComparison.Ordinal));
            Assert.DoesNotContain(plan, l => l.Contains("Seq Scan", StringComparison.Ordinal));
        }
        else
        {
            Assert.DoesNotContain(plan, l => l.Contains(" SCAN ", StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task Count_OnItsOwnOrInACallersTransaction_LeavesTheConnectionsSettingsAlone()
    {
        host.SkipIfUnavailable();
        var (organization, petition, _, now) = await SeedAsync();
        var definition = SegmentParser.ParseJson($$"""
            {"match":"all","conditions":[{"kind":"took-action","action":"{{petition}}"},{"kind":"country","countries":["FR"]}]}
            """).Definition!;

        var (alone, setAfter, inTransaction, setInTransaction) = await host.Data.QueryAsync(async db =>
        {
            await db.Database.OpenConnectionAsync();
            var before = await SettingAsync(db);
            var alone = await SegmentCounts.CountAsync(db, organization.Id, definition, now, CancellationToken.None);
            var after = await SettingAsync(db);
            await using var transaction = await db.Database.BeginTransactionAsync();
            var inTransaction = await SegmentCounts.CountAsync(db, organization.Id, definition, now, CancellationToken.None);
            var during = await SettingAsync(db);
            await transaction.CommitAsync();
            return (alone, after == before, inTransaction, during == before);
        });

        // Signers are the four in ten with i % 10 < 4; France is everyone whose i is not a multiple of 3.
        var expected = Enumerable.Range(0, 3_000).Count(i => i % 10 < 4 && i % 3 != 0);
        Assert.Equal(expected, alone);
        Assert.Equal(expected, inTransaction);
        Assert.True(setAfter, "random_page_cost changed after a count");
        Assert.True(setInTransaction, "random_page_cost changed inside the caller's transaction");
    }

    private static async Task<string> SettingAsync(RelaisDb db)
    {
        if (!db.Database.IsNpgsql())
        {
            return "sqlite";
        }
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = "SELECT current_setting('random_page_cost')";
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        return (string)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>
    /// 3,000 supporters (a third in Belgium, the rest in France, at random ladder levels), four in ten
    /// of whom signed the petition, a tag on one in ten, and eight activities each over two and a half years.
    /// </summary>
    private async Task<(SeededOrganization Organization, Guid Petition, Guid Tag, DateTimeOffset Now)> SeedAsync()
    {
        var organization = await host.Data.OrganizationAsync();
        var petition = (await host.Data.CampaignAsync(organization.Id)).PetitionId;
        var tag = new Tag { OrganizationId = organization.Id, Name = "Press", NormalizedName = "press" };
        var random = new Random(7);
        var now = DateTimeOffset.UtcNow;
        var supporters = Enumerable.Range(0, 3_000).Select(i => new Supporter
        {
            OrganizationId = organization.Id,
            Email = $"p{i}@plan.example.org",
            NormalizedEmail = $"p{i}@plan.example.org",
            Country = i % 3 == 0 ? "BE" : "FR",
            PostalCode = $"{random.Next(1, 96):00}{random.Next(0, 999):000}",
            LadderRank = random.Next(0, 5),
            // Placed by hand: the ladder job would otherwise rewrite these rows while the plan is read.
            LadderEvaluatedAt = now.AddYears(10),
            EmailConsent = i % 2 == 0 ? EmailConsentState.Granted : EmailConsentState.None,
            LastActiveAt = now.AddDays(-random.Next(0, 900)),
        }).ToList();
        var activities = supporters.SelectMany((s, i) => Enumerable.Range(0, 8).Select(j => new Activity
        {
            OrganizationId = organization.Id,
            SupporterId = s.Id,
            Type = j == 0 ? ActivityType.Signed : (ActivityType)random.Next(1, 13),
            ActionId = j == 0 && i % 10 < 4 ? petition : null,
            OccurredAt = now.AddDays(-random.Next(0, 900)),
        })).ToList();
        await host.Data.QueryAsync(async db =>
        {
            db.Tags.Add(tag);
            await db.SaveChangesAsync();
            await using var transaction = await db.Database.BeginTransactionAsync();
            foreach (var chunk in supporters.Chunk(500))
            {
                await db.InsertAsync(chunk);
            }
            foreach (var chunk in activities.Chunk(1_000))
            {
                await db.InsertAsync(chunk);
            }
            await db.InsertAsync(supporters.Where((_, i) => i % 10 == 0)
                .Select(s => new SupporterTag { OrganizationId = organization.Id, SupporterId = s.Id, TagId = tag.Id }).ToList());
            await transaction.CommitAsync();
            return 0;
        });
        return (organization, petition, tag.Id, now);
    }

    /// <summary>The plan of the segment's count, planned as <see cref="SegmentCounts"/> runs it.</summary>
    private async Task<List<string>> PlanAsync(SeededOrganization organization, SegmentDefinition definition, DateTimeOffset now)
    {
        var (sql, plan) = await host.Data.QueryAsync(async db =>
        {
            var query = SegmentQuery.Supporters(db, organization.Id, definition, now);
            var sqlite = db.Database.IsSqlite();
            await db.Database.OpenConnectionAsync();
            // As autovacuum would have: PostgreSQL reads an index alone only where the table's pages are marked all-visible.
            await db.Database.ExecuteSqlRawAsync(sqlite ? "ANALYZE" : "VACUUM (ANALYZE)");
            return await SegmentCounts.WithIndexFriendlyCostsAsync(db, async ct =>
            {
                var count = query.Select(s => s.Id).CreateDbCommand();
                var text = count.CommandText.Replace("SELECT \"s\".\"Id\"", "SELECT COUNT(*)", StringComparison.Ordinal);
                count.CommandText = (sqlite ? "EXPLAIN QUERY PLAN " : "EXPLAIN ") + text;
                count.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
                var lines = new List<string>();
                await using var reader = await count.ExecuteReaderAsync(ct);
                while (await reader.ReadAsync(ct))
                {
                    lines.Add(sqlite ? $"{reader.GetInt32(0)} {reader.GetInt32(1)} {reader.GetString(3)}" : reader.GetString(0));
                }
                return (Parameters(count) + "\n" + text, lines);
            }, CancellationToken.None);
        });
        output.WriteLine(sql);
        output.WriteLine(string.Join("\n", plan));
        return plan;
    }

    private static string Parameters(DbCommand command) =>
        string.Join("\n", command.Parameters.Cast<DbParameter>().Select(p => $"-- {p.ParameterName} = {p.Value}"));
}

public sealed class SegmentQueryPlanOnSqlite(SqliteHost host, ITestOutputHelper output) : SegmentQueryPlanTests(host, output), IClassFixture<SqliteHost>;

public sealed class SegmentQueryPlanOnPostgres(PostgresHost host, ITestOutputHelper output) : SegmentQueryPlanTests(host, output), IClassFixture<PostgresHost>;
