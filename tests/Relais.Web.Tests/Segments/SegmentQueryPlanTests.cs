using System.Data.Common;
using Microsoft.EntityFrameworkCore;
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
            EmailConsent = i % 2 == 0 ? EmailConsentState.Granted : EmailConsentState.None,
            LastActiveAt = now.AddDays(-random.Next(0, 900)),
        }).ToList();
        // Four in ten signed the petition; everyone did seven other things over two and a half years.
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
        var definition = SegmentParser.ParseJson($$"""
            {"match":"all","conditions":[
              {"kind":"took-action","action":"{{petition}}","from":"2025-01-01"},
              {"kind":"tag","tag":"{{tag.Id}}","not":true},
              {"kind":"ladder","op":"gte","rank":"2"}]}
            """).Definition!;

        var (sql, plan) = await host.Data.QueryAsync(async db =>
        {
            var query = SegmentQuery.Supporters(db, organization.Id, definition, now);
            var sqlite = db.Database.IsSqlite();
            await db.Database.OpenConnectionAsync();
            await db.Database.ExecuteSqlRawAsync("ANALYZE");
            var count = query.Select(s => s.Id).CreateDbCommand();
            var text = count.CommandText.Replace("SELECT \"s\".\"Id\"", "SELECT COUNT(*)", StringComparison.Ordinal);
            count.CommandText = (sqlite ? "EXPLAIN QUERY PLAN " : "EXPLAIN ") + text;
            var lines = new List<string>();
            await using var reader = await count.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                lines.Add(sqlite ? $"{reader.GetInt32(0)} {reader.GetInt32(1)} {reader.GetString(3)}" : reader.GetString(0));
            }
            return (Parameters(count) + "\n" + text, lines);
        });
        output.WriteLine(sql);
        output.WriteLine(string.Join("\n", plan));

        Assert.Contains(plan, l => l.Contains("IX_Activities_", StringComparison.Ordinal) || l.Contains("UX_Activities_", StringComparison.Ordinal));
        Assert.DoesNotContain(plan, l => l.Contains("Seq Scan on \"Activities\"", StringComparison.Ordinal));
        if (host.Provider == DatabaseProvider.Sqlite)
        {
            // SQLite reads no table from end to end: the supporters come from the signers' ids, the tags from their index.
            Assert.DoesNotContain(plan, l => l.Contains(" SCAN ", StringComparison.Ordinal));
            Assert.Contains(plan, l => l.Contains("USING COVERING INDEX sqlite_autoindex_SupporterTags_1", StringComparison.Ordinal));
        }
    }

    private static string Parameters(DbCommand command) =>
        string.Join("\n", command.Parameters.Cast<DbParameter>().Select(p => $"-- {p.ParameterName} = {p.Value}"));
}

public sealed class SegmentQueryPlanOnSqlite(SqliteHost host, ITestOutputHelper output) : SegmentQueryPlanTests(host, output), IClassFixture<SqliteHost>;

public sealed class SegmentQueryPlanOnPostgres(PostgresHost host, ITestOutputHelper output) : SegmentQueryPlanTests(host, output), IClassFixture<PostgresHost>;
