using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Relais.Contests;
using Relais.Data;
using Relais.Giving;
using Relais.Supporters;

namespace Relais.Bench;

/// <summary>
/// Issue 6's contest figures, on SQLite. `contest-rank`: a contest of 100 teams over 1,000,000
/// succeeded donations, seeded in bulk (multi-row inserts of donations and of the tallies the
/// ledger would have kept, not through HTTP), then the public board JSON and the ranking query
/// timed one at a time. `contest-live`: N server-sent-event watchers of the demo contest's board;
/// donations settled through the real ledger (with the contest tallies as its observer) in this
/// process, and for each the time until every watcher received a board at least that new.
/// </summary>
public static class ContestsBenchmark
{
    public const string Usage = """
        usage: dotnet run -c Release --project bench/Relais.Bench -- contest-rank|contest-live [options]

          contest-rank  --donations N (default 1000000) --teams N (default 100) --samples N (default 200)
          contest-live  --watchers N (default 1000) --donations N (default 20) --every-ms N (default 1000)
          --update-readme   write the figures into bench/README.md
        """;

    private const string LiveSlug = "defi-des-dons";

    public static async Task<int> RunAsync(string command, string[] args, string repoRoot, CancellationToken ct)
    {
        int donations = command == "contest-rank" ? 1_000_000 : 20, teams = 100, samples = 200, watchers = 1_000, everyMs = 1_000;
        var update = false;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--donations": donations = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--teams": teams = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--samples": samples = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--watchers": watchers = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--every-ms": everyMs = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--update-readme": update = true; break;
                default:
                    await Console.Error.WriteLineAsync(Usage);
                    return 2;
            }
        }
        var data = Directory.CreateTempSubdirectory("relais-bench-contests-").FullName;
        try
        {
            await using var server = ServerProcess.Start(
                Path.Combine(repoRoot, "src", "Relais.Web", "bin", "Release", "net10.0"), data, "NORMAL", 50, []);
            server.StartSampling();
            await server.WaitHealthyAsync(TimeSpan.FromMinutes(5), ct);
            var options = new DbContextOptionsBuilder<RelaisDb>();
            RelaisDatabase.Configure(options, new DatabaseOptions { DataFolder = data, SqliteSynchronous = "NORMAL" });
            var (row, note, name) = command == "contest-rank"
                ? await RankAsync(server, options.Options, teams, donations, samples, ct)
                : await LiveAsync(server, options.Options, watchers, donations, everyMs, ct);
            Console.WriteLine(note);
            Console.WriteLine(row);
            if (update)
            {
                var path = Path.Combine(repoRoot, "bench", "README.md");
                var text = File.ReadAllText(path);
                text = Readme.ReplaceRow(text, name, row);
                text = Readme.ReplaceBlock(text, name, "note", note);
                File.WriteAllText(path, text);
            }
            return 0;
        }
        finally
        {
            try
            {
                Directory.Delete(data, recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }

    private static async Task<(string Row, string Note, string Name)> RankAsync(
        ServerProcess server, DbContextOptions<RelaisDb> options, int teamCount, int donationCount, int samples, CancellationToken ct)
    {
        var seeding = Stopwatch.StartNew();
        var random = new Random(6);
        var now = DateTimeOffset.UtcNow;
        string slug;
        Guid contestId;
        await using (var db = new RelaisDb(options))
        {
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var fundraiser = await db.Fundraisers.AsNoTracking().OrderBy(f => f.CreatedAt).FirstAsync(ct);
            var organizationId = fundraiser.OrganizationId;
            var supporters = Enumerable.Range(0, 20_000).Select(i => new Supporter
            {
                OrganizationId = organizationId,
                Email = $"donor-{i}@bench.example.org",
                NormalizedEmail = $"donor-{i}@bench.example.org",
                FirstName = "Donor",
            }).ToList();
            await BulkRows.InsertAsync(db, supporters, ct);
            var teams = Enumerable.Range(0, teamCount).Select(i => new FundraisingTeam
            {
                OrganizationId = organizationId,
                FundraiserId = fundraiser.Id,
                CaptainSupporterId = supporters[i].Id,
                Name = $"Bench team {i:000}",
                Slug = $"bench-team-{i:000}",
            }).ToList();
            await BulkRows.InsertAsync(db, teams, ct);
            var contest = new Contest
            {
                OrganizationId = organizationId,
                Slug = "bench-rank",
                Title = "Bench contest",
                EntryKind = ContestEntryKind.Teams,
                StartsAt = now.AddDays(-30),
                EndsAt = now.AddDays(30),
                JoinCode = ContestCodes.New(),
            };
            db.Contests.Add(contest);
            await db.SaveChangesAsync(ct);
            var entries = teams.Select(t => new ContestEntry { ContestId = contest.Id, OrganizationId = organizationId, TeamId = t.Id, DisplayName = t.Name }).ToList();
            await BulkRows.InsertAsync(db, entries, ct);
            var tallies = entries.Select(e => new ContestTally { EntryId = e.Id, ContestId = contest.Id, Board = ContestBoard.Main }).ToArray();
            var donors = new Dictionary<(int Team, int Supporter), int>();
            const int Batch = 20_000;
            for (var start = 0; start < donationCount; start += Batch)
            {
                var batch = new List<Donation>(Batch);
                for (var i = start; i < Math.Min(donationCount, start + Batch); i++)
                {
                    // Uneven teams: some raise far more than others, as in a real contest.
                    var team = (int)(teamCount * Math.Pow(random.NextDouble(), 1.6));
                    var supporter = random.Next(supporters.Count);
                    var amount = (random.Next(4) == 0 ? 2_500 : 1_000) + random.Next(100);
                    var at = now.AddSeconds(-random.Next(29 * 86_400));
                    batch.Add(new Donation
                    {
                        OrganizationId = organizationId,
                        FundraiserId = fundraiser.Id,
                        CampaignId = fundraiser.CampaignId,
                        SupporterId = supporters[supporter].Id,
                        FundraisingTeamId = teams[team].Id,
                        AmountMinor = amount,
                        Status = DonationStatus.Succeeded,
                        Provider = "offline",
                        IdempotencyKey = "bench-" + i.ToString(CultureInfo.InvariantCulture),
                        Source = "bench",
                        CreatedAt = at,
                        SettledAt = at,
                    });
                    tallies[team].AmountMinor += amount;
                    tallies[team].DonationCount++;
                    var given = donors.GetValueOrDefault((team, supporter));
                    donors[(team, supporter)] = given + 1;
                    tallies[team].DonorCount += given == 0 ? 1 : 0;
                }
                await BulkRows.InsertAsync(db, batch, ct);
            }
            await BulkRows.InsertAsync(db, tallies, ct);
            await BulkRows.InsertAsync(db, donors.Select(d => new ContestDonor { EntryId = entries[d.Key.Team].Id, Board = ContestBoard.Main, SupporterId = supporters[d.Key.Supporter].Id, Donations = d.Value }).ToList(), ct);
            await transaction.CommitAsync(ct);
            slug = contest.Slug;
            contestId = contest.Id;
        }
        Console.WriteLine($"seeded {teamCount} teams and {donationCount:N0} donations in {seeding.Elapsed.TotalSeconds:0.0} s");

        using var http = new HttpClient { BaseAddress = server.BaseAddress };
        var health = await TimeAsync(samples, async () => (await http.GetAsync("health", ct)).EnsureSuccessStatusCode());
        var board = await TimeAsync(samples, async () =>
        {
            using var response = await http.GetAsync($"contests/{slug}/board.json", ct);
            response.EnsureSuccessStatusCode();
            using var json = JsonDocument.Parse(await response.Content.ReadAsStreamAsync(ct));
            if (json.RootElement.GetProperty("byAmount").GetArrayLength() != teamCount)
            {
                throw new InvalidOperationException("The board does not list every team.");
            }
        });
        await using var query = new RelaisDb(options);
        var ranking = await TimeAsync(samples, async () =>
        {
            var standings = await ContestStandings.ReadAsync(query, contestId, ContestBoard.Main, ContestOrder.Amount, ct);
            if (standings.Count != teamCount)
            {
                throw new InvalidOperationException("The ranking does not list every team.");
            }
        });
        var peak = server.PeakRssKb();
        var date = DateTime.UtcNow.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var note = $"contest-rank-sqlite ({date}, shared machine): {teamCount} teams, {donationCount:N0} donations; GET /contests/{{slug}}/board.json (three boards, read from the tallies): {board}; " +
            $"ranking query alone (one board, in the benchmark process): {ranking}; GET /health {health}; target p50 < 50 ms: {(board.P50 < 50 ? "met" : "not met")}.";
        var row = $"| contest-rank-sqlite | {Report.N(board.P50, "N1")} | ms (p50, board JSON, {teamCount} teams, {donationCount:N0} donations) | {Report.N(health.P50, "N2")} ms | {Report.N(board.P50 / Math.Max(0.01, health.P50), "N0")} | {Report.N(board.P99, "N1")} ms | {Report.Mb(peak)} | {date} |";
        return (row, note, "contest-rank-sqlite");
    }

    private static async Task<Latency> TimeAsync(int samples, Func<Task> once)
    {
        for (var i = 0; i < Math.Min(20, samples); i++)
        {
            await once();
        }
        var micros = new List<int>(samples);
        for (var i = 0; i < samples; i++)
        {
            var started = Stopwatch.GetTimestamp();
            await once();
            micros.Add((int)Stopwatch.GetElapsedTime(started).TotalMicroseconds);
        }
        return Latency.Of(micros);
    }

    private static async Task<(string Row, string Note, string Name)> LiveAsync(
        ServerProcess server, DbContextOptions<RelaisDb> options, int watcherCount, int donationCount, int everyMs, CancellationToken ct)
    {
        using var streams = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = int.MaxValue, PooledConnectionLifetime = Timeout.InfiniteTimeSpan })
        {
            BaseAddress = server.BaseAddress,
            Timeout = Timeout.InfiniteTimeSpan,
        };
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var watchers = new Watcher[watcherCount];
        for (var i = 0; i < watcherCount; i += 100)
        {
            await Task.WhenAll(Enumerable.Range(i, Math.Min(100, watcherCount - i))
                .Select(async j => watchers[j] = await Watcher.OpenAsync(streams, $"contests/{LiveSlug}/live", stop.Token)));
        }
        Console.WriteLine($"{watcherCount:N0} watchers connected");
        var reading = watchers.Select(w => w.ReadAsync(stop.Token)).ToArray();

        var ledger = new DonationLedger([new ContestTallies()]);
        var settled = new List<(long At, long Version)>();
        await using (var db = new RelaisDb(options))
        {
            var contest = await db.Contests.AsNoTracking().SingleAsync(c => c.Slug == LiveSlug, ct);
            var fundraiserId = await db.ContestEntries.Where(e => e.ContestId == contest.Id && e.FundraiserId != null).Select(e => e.FundraiserId!.Value).FirstAsync(ct);
            var fundraiser = await db.Fundraisers.AsNoTracking().SingleAsync(f => f.Id == fundraiserId, ct);
            var supporterId = await db.Supporters.Where(s => s.OrganizationId == fundraiser.OrganizationId).Select(s => s.Id).FirstAsync(ct);
            for (var i = 0; i < donationCount; i++)
            {
                var donation = new Donation
                {
                    OrganizationId = fundraiser.OrganizationId,
                    FundraiserId = fundraiser.Id,
                    CampaignId = fundraiser.CampaignId,
                    SupporterId = supporterId,
                    AmountMinor = 1_000,
                    Provider = "offline",
                    IdempotencyKey = "bench-live-" + Guid.NewGuid().ToString("N"),
                    Source = "bench",
                };
                db.Donations.Add(donation);
                await db.SaveChangesAsync(ct);
                await using (var transaction = await db.Database.BeginTransactionAsync(ct))
                {
                    await ledger.MoveAsync(db, donation, DonationStatus.Succeeded, DateTimeOffset.UtcNow, ct);
                    await transaction.CommitAsync(ct);
                }
                var at = Stopwatch.GetTimestamp();
                var version = await db.Contests.Where(c => c.Id == contest.Id).Select(c => c.BoardVersion).SingleAsync(ct);
                settled.Add((at, version));
                db.ChangeTracker.Clear();
                await Task.Delay(everyMs, ct);
            }
        }
        await Task.Delay(TimeSpan.FromSeconds(2), ct);
        await stop.CancelAsync();
        await Task.WhenAll(reading);
        var micros = new List<int>();
        long missed = 0;
        foreach (var watcher in watchers)
        {
            foreach (var (at, version) in settled)
            {
                var seen = watcher.FirstAtLeast(version);
                if (seen is null)
                {
                    missed++;
                    continue;
                }
                micros.Add(Math.Max(0, (int)Stopwatch.GetElapsedTime(at, seen.Value).TotalMicroseconds));
            }
        }
        var latency = Latency.Of(micros);
        var peak = server.PeakRssKb();
        var date = DateTime.UtcNow.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var note = $"contest-live-sqlite ({date}, shared machine): {watcherCount:N0} watchers of one board, {donationCount} donations settled {everyMs} ms apart; " +
            $"commit → every watcher: {latency}; {missed:N0} (watcher, donation) pairs never reached; target p99 < 1 s: {(latency.P99 < 1_000 && missed == 0 ? "met" : "not met")}.";
        var row = $"| contest-live-sqlite | {Report.N(latency.P99, "N0")} | ms (p99, {watcherCount:N0} watchers) | — | — | {Report.N(latency.P99, "N0")} ms | {Report.Mb(peak)} | {date} |";
        return (row, note, "contest-live-sqlite");
    }

    /// <summary>One open board stream and the versions it received, with their arrival times.</summary>
    private sealed class Watcher(StreamReader reader, HttpResponseMessage response)
    {
        private readonly List<(long At, long Version)> _events = new(64);

        public static async Task<Watcher> OpenAsync(HttpClient http, string url, CancellationToken ct)
        {
            var response = await http.GetAsync(url, HttpCompletionOption.ResponseHeadersRead, ct);
            response.EnsureSuccessStatusCode();
            var watcher = new Watcher(new StreamReader(await response.Content.ReadAsStreamAsync(ct)), response);
            _ = await watcher.NextVersionAsync(ct) ?? throw new InvalidOperationException("The stream ended before its first board.");
            return watcher;
        }

        public async Task ReadAsync(CancellationToken ct)
        {
            try
            {
                while (await NextVersionAsync(ct) is { } version)
                {
                    _events.Add((Stopwatch.GetTimestamp(), version));
                }
            }
            catch (Exception ex) when (ex is OperationCanceledException or IOException)
            {
            }
            finally
            {
                reader.Dispose();
                response.Dispose();
            }
        }

        public long? FirstAtLeast(long version)
        {
            foreach (var (at, seen) in _events)
            {
                if (seen >= version)
                {
                    return at;
                }
            }
            return null;
        }

        private async Task<long?> NextVersionAsync(CancellationToken ct)
        {
            while (await reader.ReadLineAsync(ct) is { } line)
            {
                if (line.StartsWith("id: ", StringComparison.Ordinal))
                {
                    return long.Parse(line.AsSpan(4), CultureInfo.InvariantCulture);
                }
            }
            return null;
        }
    }
}
