using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace Relais.Bench;

/// <summary>
/// pledges-sqlite and gifts-sqlite: the signatures benchmark's shape for the other public actions
/// that go through the one intake. 64 clients, each a browser with its own keep-alive connection
/// and cookies, loop on GET the form (its antiforgery token and its form token t) then POST it with
/// a unique email, against GET /health of the same server in the same run; after a graceful stop,
/// every acknowledged action must be stored exactly once (each form token once) and the counters
/// must equal what was stored.
/// </summary>
public static class ActionsBenchmark
{
    public const double TargetPerSecond = 2_000;
    public const double TargetP99Ms = 100;
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true };

    public static string NameOf(string command) => command == "pledges" ? "pledges-sqlite" : "gifts-sqlite";

    private static string Noun(string command) => command == "pledges" ? "pledges" : "gifts";

    public static async Task<int> RunAsync(BenchOptions options, string repoRoot, CancellationToken ct)
    {
        var name = NameOf(options.Command);
        var noun = Noun(options.Command);
        var serverDir = Path.GetFullPath(options.ServerDir ?? Path.Combine(repoRoot, "src", "Relais.Web", "bin", "Release", "net10.0"));
        var runId = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4));
        var dataFolder = Path.Combine(Path.GetTempPath(), $"relais-bench-{runId}");
        Directory.CreateDirectory(dataFolder);
        var environment = BenchEnvironment.Describe(dataFolder, serverDir, repoRoot);
        Console.WriteLine($"{name}: {options.Clients} clients, {options.DurationSeconds} s measured (+{options.WarmupSeconds} s warm-up), " +
            $"baseline {options.BaselineSeconds} s, synchronous={options.Sync}{(options.FreshVisitors ? ", fresh visitors" : "")}");
        Console.WriteLine($"  {environment}");
        Console.WriteLine($"  server: {environment.ServerBuild}");
        Console.WriteLine($"  data folder {dataFolder}");

        var busyBefore = await SignaturesBenchmark.WaitQuietAsync(options.WaitQuietSeconds, ct);
        Console.WriteLine($"  other processes kept {busyBefore:0.00} of {Environment.ProcessorCount} cores busy just before the start" +
            (busyBefore > SignaturesBenchmark.QuietCores ? " — the machine is not quiet: figures will be low and noisy" : ""));

        var keep = options.KeepData;
        var clients = new List<LoadClient>();
        ServerProcess? server = null;
        var database = Path.Combine(dataFolder, "relais.db");
        try
        {
            server = ServerProcess.Start(serverDir, dataFolder, options.Sync, options.DemoSupporters, options.ServerEnvironment);
            await server.WaitHealthyAsync(TimeSpan.FromMinutes(3), ct);
            server.StartSampling();
            Console.WriteLine($"  server pid {server.Pid} on {server.BaseAddress}");

            // The world: the demo's drive (needs, open drop-off points) or its fundraisers with bank transfers enabled.
            FormAction action;
            IReadOnlyDictionary<string, long> pledgedBefore = new Dictionary<string, long>();
            if (options.Command == "pledges")
            {
                var (pledge, before) = PrepareDrive(database);
                action = pledge;
                pledgedBefore = before;
                Console.WriteLine($"  drive of /c/{pledge.Slugs[0]}: {pledge.NeedIds.Count} needs, PledgedQuantity before {string.Join(", ", before.Values)}");
            }
            else
            {
                var gift = PrepareGiving(database);
                action = gift;
                Console.WriteLine($"  offline transfers enabled; gifts of {gift.AmountMinor} (minor units) to the fundraisers of {string.Join(", ", gift.Slugs)}");
            }

            var timeout = TimeSpan.FromSeconds(options.RequestTimeoutSeconds);
            for (var i = 0; i < options.Clients; i++)
            {
                clients.Add(new LoadClient(i, server.BaseAddress, runId, options.FreshVisitors, timeout));
            }

            PhaseResult? baseline = null;
            if (options.BaselineSeconds > 0)
            {
                Console.WriteLine($"  baseline: GET /health, {options.WarmupSeconds} s warm-up + {options.BaselineSeconds} s…");
                (_, baseline) = await SignaturesBenchmark.RunPhaseAsync("GET /health", server, clients, (c, stop) => c.RunHealthAsync(stop),
                    options.WarmupSeconds, options.BaselineSeconds, timeout, withPost: false, ct);
                Console.WriteLine($"    {baseline.PerSecond:N0} req/s, {baseline.Latency}");
                foreach (var client in clients)
                {
                    client.Reset();
                }
            }

            Console.WriteLine($"  {noun}: GET form + POST, {options.WarmupSeconds} s warm-up + {options.DurationSeconds} s…");
            var (warmup, measured) = await SignaturesBenchmark.RunPhaseAsync($"{noun} (GET + POST)", server, clients, (c, stop) => c.RunFormAsync(action, stop),
                options.WarmupSeconds, options.DurationSeconds, timeout, withPost: true, ct);
            Console.WriteLine($"    warm-up: {warmup.PerSecond:N0} {noun}/s, {warmup.Latency}");
            Console.WriteLine($"    {measured.PerSecond:N0} {noun}/s, {measured.Latency}");
            var errors = SignaturesBenchmark.MergeErrors(clients);
            var errorSample = clients.Select(c => c.FirstErrorDetail).FirstOrDefault(d => d is not null);

            var acknowledged = clients
                .SelectMany(c => c.Attempts.Where(a => a.Ok && a.Sequence > 0).Select(a => new Acknowledged(
                    LoadClient.Email(runId, c.Id, a.Sequence),
                    action.Slugs[a.Slug],
                    c.FormTokens.GetValueOrDefault(a.Sequence),
                    action is PledgeAction p ? p.NeedIds[p.NeedIndexFor(c.Id, a.Sequence)] : null,
                    action is PledgeAction ? PledgeAction.QuantityFor(c.Id, a.Sequence) : 0)))
                .ToList();

            var hwmKb = ProcFs.StatusKb(server.Pid, "VmHWM") ?? 0;
            await server.StopSamplingAsync();
            var serverAlive = !server.HasExited;
            Console.WriteLine("  stopping the server (SIGTERM)…");
            var shutdown = await server.StopAsync(TimeSpan.FromSeconds(60));
            Console.WriteLine($"    {shutdown.Note} in {shutdown.Elapsed.TotalSeconds:0.0} s, exit code {shutdown.ExitCode}");

            Console.WriteLine("  checking the database…");
            var check = options.Command == "pledges"
                ? CheckPledges(database, runId, acknowledged, pledgedBefore)
                : CheckGifts(database, runId, acknowledged);

            var run = new ActionRun(name, noun, DateTimeOffset.UtcNow, options, environment, busyBefore, baseline, warmup, measured,
                errors, errorSample, hwmKb, serverAlive, shutdown, check);
            Console.Write(Print(run));
            var folder = Path.Combine(repoRoot, "bench", "results");
            Directory.CreateDirectory(folder);
            var json = Path.Combine(folder, $"{name}-{run.FinishedAt:yyyyMMdd-HHmmss}.json");
            await File.WriteAllTextAsync(json, JsonSerializer.Serialize(run, Json), ct);
            Console.WriteLine($"  details: {json}");
            if (options.UpdateReadme)
            {
                var path = Path.Combine(repoRoot, "bench", "README.md");
                var text = await File.ReadAllTextAsync(path, ct);
                text = Readme.ReplaceRow(text, name, Row(run));
                text = Readme.ReplaceBlock(text, name, "note", Note(run));
                await File.WriteAllTextAsync(path, text, ct);
                Console.WriteLine($"  updated {path}");
            }
            var passed = check.Passed && serverAlive;
            keep |= !passed;
            return passed ? 0 : 1;
        }
        catch
        {
            keep = true;
            if (server is not null)
            {
                await Console.Error.WriteLineAsync($"server log tail ({server.LogPath}):\n{server.Tail()}");
            }
            throw;
        }
        finally
        {
            foreach (var client in clients)
            {
                client.Dispose();
            }
            if (server is not null)
            {
                await server.DisposeAsync();
            }
            if (keep)
            {
                Console.WriteLine($"  kept {dataFolder}");
            }
            else
            {
                SignaturesBenchmark.TryDelete(dataFolder);
            }
        }
    }

    private static SqliteConnection Open(string database)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = database,
            Mode = SqliteOpenMode.ReadWrite,
            Pooling = false,
            DefaultTimeout = 30,
        }.ToString());
        connection.Open();
        using var busy = connection.CreateCommand();
        busy.CommandText = "PRAGMA busy_timeout = 30000";
        busy.ExecuteNonQuery();
        return connection;
    }

    private static List<object[]> Query(SqliteConnection connection, string sql, params (string Name, object Value)[] parameters)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (key, value) in parameters)
        {
            command.Parameters.AddWithValue(key, value);
        }
        using var reader = command.ExecuteReader();
        var rows = new List<object[]>();
        while (reader.Read())
        {
            var row = new object[reader.FieldCount];
            reader.GetValues(row);
            rows.Add(row);
        }
        return rows;
    }

    private static bool HasColumn(SqliteConnection connection, string table, string column) =>
        Query(connection, $"SELECT name FROM pragma_table_info('{table}')").Any(r => (string)r[0] == column);

    /// <summary>
    /// The demo's drive: its campaign, its needs, a drop-off point and the first day ahead every
    /// point is open (Tuesday, Thursday or Saturday, from the demo's opening hours), read from the
    /// database the server has just made, so that the same posts fit every build.
    /// </summary>
    private static (PledgeAction Action, IReadOnlyDictionary<string, long> PledgedBefore) PrepareDrive(string database)
    {
        using var connection = Open(database);
        var drive = Query(connection, """
            SELECT d."Id", c."Slug" FROM "Drive" d JOIN "Campaigns" c ON c."Id" = d."CampaignId"
            WHERE d."IsOpen" = 1 ORDER BY c."Slug" LIMIT 1
            """).SingleOrDefault() ?? throw new InvalidOperationException("The demo has no open drive.");
        var needs = Query(connection, """SELECT "Id", "PledgedQuantity" FROM "DriveNeed" WHERE "DriveId" = $drive ORDER BY "Position", "Item" """, ("$drive", drive[0]));
        var point = Query(connection, """SELECT "Id" FROM "DropOffPoint" WHERE "DriveId" = $drive ORDER BY "Name" LIMIT 1""", ("$drive", drive[0])).Single();
        var day = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(1);
        while (day.DayOfWeek is not (DayOfWeek.Tuesday or DayOfWeek.Thursday or DayOfWeek.Saturday))
        {
            day = day.AddDays(1);
        }
        var ids = needs.Select(n => (string)n[0]).ToList();
        return (new PledgeAction((string)drive[1], ids, (string)point[0], day), needs.ToDictionary(n => (string)n[0], n => (long)n[1]));
    }

    /// <summary>
    /// Bank transfers for the demo's organization, as an organizer enables them in the payment
    /// settings (the donate form reads them from the database for every request), and the
    /// campaigns that have a fundraiser.
    /// </summary>
    private static GiftAction PrepareGiving(string database)
    {
        using var connection = Open(database);
        var fundraisers = Query(connection, """
            SELECT c."Slug", f."Currency", f."SuggestedAmounts", c."OrganizationId"
            FROM "Fundraisers" f JOIN "Campaigns" c ON c."Id" = f."CampaignId"
            WHERE c."IsPublished" = 1 ORDER BY c."Slug"
            """);
        if (fundraisers.Count == 0)
        {
            throw new InvalidOperationException("The demo has no fundraiser.");
        }
        using (var command = connection.CreateCommand())
        {
            command.CommandText = """
                INSERT OR REPLACE INTO "OfflinePaymentSettings"
                    ("OrganizationId", "TransferEnabled", "Iban", "Bic", "AccountHolder", "ChequeEnabled", "CashEnabled")
                VALUES ($organization, 1, 'FR7630006000011234567890189', NULL, 'Association Bench', 0, 0)
                """;
            command.Parameters.AddWithValue("$organization", fundraisers[0][3]);
            command.ExecuteNonQuery();
        }
        var currency = (string)fundraisers[0][1];
        var sameCurrency = fundraisers.Where(f => (string)f[1] == currency).ToList();
        // A suggested amount every fundraiser offers, or the first one's.
        var amounts = sameCurrency.Select(f => ((string)f[2]).Split(',').Select(a => long.Parse(a, CultureInfo.InvariantCulture)).ToHashSet()).ToList();
        var common = amounts.Skip(1).Aggregate(amounts[0], (all, next) => [.. all.Intersect(next)]);
        var amount = common.Count > 0 ? common.Order().ElementAt(Math.Min(1, common.Count - 1)) : amounts[0].First();
        return new GiftAction(sameCurrency.Select(f => (string)f[0]).ToList(), currency, amount);
    }

    /// <summary>Every acknowledged pledge stored once (by email and by form token), for the right need, and every need's counter moved by exactly the acknowledged quantities.</summary>
    private static ActionCheck CheckPledges(string database, string runId, List<Acknowledged> acknowledged, IReadOnlyDictionary<string, long> before)
    {
        using var connection = Open(database);
        var hasToken = HasColumn(connection, "ItemPledge", "IdempotencyKey");
        var rows = Query(connection, $"""
            SELECT s."NormalizedEmail", p."NeedId", p."Quantity", {(hasToken ? "p.\"IdempotencyKey\"" : "NULL")}, p."CreatedAt"
            FROM "ItemPledge" p JOIN "Supporters" s ON s."Id" = p."SupporterId"
            WHERE s."NormalizedEmail" LIKE $prefix
            """, ("$prefix", $"bench-{runId}-%"));
        var stored = rows.Select(r => new Stored((string)r[0], (string)r[1], (long)r[2], r[3] as string, (long)r[4])).ToList();
        var needs = Query(connection, """
            SELECT n."Id", n."Item", n."PledgedQuantity", (SELECT COALESCE(SUM(p."Quantity"), 0) FROM "ItemPledge" p WHERE p."NeedId" = n."Id")
            FROM "DriveNeed" n WHERE n."Id" IN (SELECT value FROM json_each($ids))
            """, ("$ids", JsonSerializer.Serialize(before.Keys)));
        var counters = needs.Select(n =>
        {
            var id = (string)n[0];
            var ackedQuantity = acknowledged.Where(a => a.Target == id).Sum(a => (long)a.Quantity);
            var storedQuantity = stored.Where(s => s.Target == id).Sum(s => s.Quantity);
            return new CounterCheck((string)n[1], before[id], (long)n[2], ackedQuantity, storedQuantity, (long)n[3]);
        }).ToList();
        var duplicateTokens = hasToken
            ? Query(connection, """
                SELECT COUNT(*) FROM (SELECT 1 FROM "ItemPledge" WHERE "IdempotencyKey" IS NOT NULL GROUP BY "DriveId", "IdempotencyKey" HAVING COUNT(*) > 1)
                """)
            : [[0L]];
        return Compare(acknowledged, stored, hasToken, counters, duplicateTokens);
    }

    /// <summary>Every acknowledged gift stored once (by email and by form token) as a pending offline donation to the right campaign's fundraiser.</summary>
    private static ActionCheck CheckGifts(string database, string runId, List<Acknowledged> acknowledged)
    {
        using var connection = Open(database);
        var rows = Query(connection, """
            SELECT s."NormalizedEmail", c."Slug", d."AmountMinor", d."IdempotencyKey", d."Status", d."Provider", d."CreatedAt"
            FROM "Donations" d JOIN "Supporters" s ON s."Id" = d."SupporterId"
                JOIN "Fundraisers" f ON f."Id" = d."FundraiserId" JOIN "Campaigns" c ON c."Id" = f."CampaignId"
            WHERE s."NormalizedEmail" LIKE $prefix
            """, ("$prefix", $"bench-{runId}-%"));
        var stored = rows.Select(r => new Stored((string)r[0], (string)r[1], (long)r[2], r[3] as string, (long)r[6])).ToList();
        var notPending = rows.Count(r => (string)r[4] != "Pending" || (string)r[5] != "offline");
        var check = Compare(acknowledged.Select(a => a with { Target = a.Slug }).ToList(), stored, hasToken: true, [], Query(connection, """
            SELECT COUNT(*) FROM (SELECT 1 FROM "Donations" GROUP BY "FundraiserId", "IdempotencyKey" HAVING COUNT(*) > 1)
            """));
        return check with { NotPendingOffline = notPending };
    }

    private static ActionCheck Compare(List<Acknowledged> acknowledged, List<Stored> stored, bool hasToken, List<CounterCheck> counters, List<object[]> duplicateTokens)
    {
        var byEmail = stored.GroupBy(s => s.Email, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        var byToken = stored.Where(s => s.Token is not null).GroupBy(s => s.Token!, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        int missing = 0, duplicated = 0, wrongTarget = 0, tokenMissing = 0;
        foreach (var a in acknowledged)
        {
            if (!byEmail.TryGetValue(a.Email, out var mine))
            {
                missing++;
                continue;
            }
            if (mine.Count > 1)
            {
                duplicated++;
            }
            if (!mine.Any(s => s.Target == a.Target))
            {
                wrongTarget++;
            }
            if (hasToken && (a.Token is null || byToken.GetValueOrDefault(a.Token) != 1))
            {
                tokenMissing++;
            }
        }
        var emails = acknowledged.Select(a => a.Email).ToHashSet(StringComparer.Ordinal);
        // The intake stamps every action of one transaction with the same instant: the distinct CreatedAt are its transactions.
        var batches = stored.GroupBy(s => s.CreatedAt).Select(g => g.Count()).Order().ToArray();
        return new ActionCheck(
            acknowledged.Count, stored.Count, missing, duplicated, wrongTarget,
            stored.Count(s => !emails.Contains(s.Email)), hasToken, tokenMissing, Convert.ToInt32(duplicateTokens[0][0], CultureInfo.InvariantCulture),
            counters, 0, batches.Length, batches.Length == 0 ? 0 : batches.Average(), batches.Length == 0 ? 0 : batches[batches.Length / 2],
            batches.Length == 0 ? 0 : batches[^1]);
    }

    private static string Print(ActionRun run)
    {
        var m = run.Measured;
        var w = run.Warmup;
        var b = run.Baseline;
        var c = run.Check;
        var text = new StringBuilder();
        text.AppendLine();
        text.AppendLine($"== {run.Benchmark} ({run.Options.Clients} clients, synchronous={run.Options.Sync}) ==");
        text.AppendLine($"{run.Noun,-15} {Report.N(m.PerSecond)} /s over {Report.N(m.Seconds, "N1")} s ({Report.N(m.Completed)} acknowledged, {Report.N(m.Failed)} failed in the window)");
        text.AppendLine($"  per second    slowest {Report.N(m.SlowestSecond)}, median {Report.N(m.MedianSecond)}, fastest {Report.N(m.FastestSecond)}");
        text.AppendLine($"  each second   {string.Join(' ', m.EachSecond)}");
        text.AppendLine($"  GET+POST      {m.Latency}");
        text.AppendLine($"  POST only     {m.PostLatency}");
        text.AppendLine($"warm-up         {Report.N(w.PerSecond)} {run.Noun}/s, p50 {Report.N(w.Latency.P50, "0.0")} ms, p99 {Report.N(w.Latency.P99, "0.0")} ms; each second {string.Join(' ', w.EachSecond)}");
        if (b is not null)
        {
            text.AppendLine($"baseline        {Report.N(b.PerSecond)} GET /health/s ({b.Latency}); ratio {Report.N(run.Ratio ?? 0, "0.000")}");
        }
        text.AppendLine($"CPU (cores of {run.Environment.ProcessorCount}) {run.Noun}: server {Cores(m.Cpu.ServerCores)}, load generator {Cores(m.Cpu.LoadGeneratorCores)}, " +
            $"interrupts {Report.N(m.Cpu.InterruptCores, "0.00")}, other processes {Report.N(m.Cpu.OtherCores, "0.00")}; server CPU per action {Report.N(run.ServerCpuMicrosPerAction ?? 0, "N0")} µs");
        text.AppendLine($"server memory   VmHWM {Report.Mb(run.PeakRssHwmKb)}");
        text.AppendLine($"errors          {Report.Errors(run.Errors)}");
        if (run.FirstErrorDetail is { } detail)
        {
            var flat = detail.ReplaceLineEndings(" ⏎ ");
            text.AppendLine($"  first error   {(flat.Length <= 600 ? flat : flat[..600] + "…")}");
        }
        text.AppendLine($"shutdown        {run.Shutdown.Note} in {Report.N(run.Shutdown.Elapsed.TotalSeconds, "0.0")} s (exit code {run.Shutdown.ExitCode})");
        text.AppendLine($"database        {c}");
        if (run.Disturbed)
        {
            text.AppendLine($"WARNING         other processes used the CPUs (before: {Report.N(run.OtherCoresBeforeStart, "0.00")}, baseline: {Report.N(b?.Cpu.OtherCores ?? 0, "0.00")}, " +
                $"{run.Noun}: {Report.N(m.Cpu.OtherCores, "0.00")} cores): these figures understate the app");
        }
        text.AppendLine($"verification    {(c.Passed ? "PASSED" : "FAILED")}");
        text.AppendLine($"target          {Report.N(TargetPerSecond)}/s with p99 < {TargetP99Ms} ms: " +
            (run.TargetMet ? "met" : $"NOT met ({Report.N(m.PerSecond)}/s, p99 {Report.N(m.Latency.P99, "0.0")} ms)"));
        return text.ToString();
    }

    private static string Row(ActionRun run)
    {
        var m = run.Measured;
        return $"| {run.Benchmark} | {Report.N(m.PerSecond)} | {run.Noun}/s | {(run.Baseline is { } b ? Report.N(b.PerSecond) : "—")} " +
            $"| {(run.Ratio is { } r ? Report.N(r, "0.000") : "—")} | {Report.N(m.Latency.P99, "0")} ms | {Report.Mb(run.PeakRssHwmKb)} | {run.FinishedAt:yyyy-MM-dd} |";
    }

    private static string Note(ActionRun run)
    {
        var m = run.Measured;
        var verdict = run.TargetMet ? "target met" : "target not met";
        return $"{run.Benchmark} ({run.FinishedAt:yyyy-MM-dd HH:mm} UTC, {run.Options.Clients} clients, {run.Options.DurationSeconds} s measured after {run.Options.WarmupSeconds} s of warm-up, synchronous={run.Options.Sync}" +
            $"{(run.Disturbed ? ", disturbed: other processes used the CPUs" : "")}): **{Report.N(m.PerSecond)} {run.Noun}/s**, p50 {Report.N(m.Latency.P50, "0.0")} ms, " +
            $"p99 {Report.N(m.Latency.P99, "0.0")} ms (GET form + POST), POST-only p99 {Report.N(m.PostLatency?.P99 ?? 0, "0.0")} ms, errors {m.Failed}; " +
            $"/health {Report.N(run.Baseline?.PerSecond ?? 0)} req/s; CPU: server {Cores(m.Cpu.ServerCores)} cores ({Report.N(run.ServerCpuMicrosPerAction ?? 0)} µs per action), " +
            $"load generator {Cores(m.Cpu.LoadGeneratorCores)}, other processes {Report.N(m.Cpu.OtherCores, "0.00")}; VmHWM {Report.Mb(run.PeakRssHwmKb)}; " +
            $"database: {run.Check}; {verdict} (target: {Report.N(TargetPerSecond)}/s with p99 < {TargetP99Ms:0} ms).";
    }

    private static string Cores(double? cores) => cores is { } x ? Report.N(x, "0.00") : "?";
}

/// <summary>One acknowledged action: its email, campaign, form token, and for a pledge its need and quantity (<see cref="Target"/> is the need, or the campaign for a gift).</summary>
public sealed record Acknowledged(string Email, string Slug, string? Token, string? Target, int Quantity);

public sealed record Stored(string Email, string Target, long Quantity, string? Token, long CreatedAt);

/// <summary>A need's PledgedQuantity before and after, against the acknowledged quantities, the run's stored ones and the sum of all its pledges.</summary>
public sealed record CounterCheck(string Need, long Before, long After, long Acknowledged, long StoredForRun, long AllPledges)
{
    public bool Consistent => After - Before == Acknowledged && StoredForRun == Acknowledged && After == AllPledges;

    public override string ToString() =>
        $"{Need}: PledgedQuantity {Before:N0} → {After:N0} (+{After - Before:N0}; acknowledged {Acknowledged:N0}, stored {StoredForRun:N0}; sum of all its pledges {AllPledges:N0}) {(Consistent ? "ok" : "MISMATCH")}";
}

public sealed record ActionCheck(
    int Acknowledged,
    int StoredForRun,
    int Missing,
    int Duplicated,
    int WrongTarget,
    int StoredNotAcknowledged,
    bool TokensChecked,
    int TokenNotOnce,
    int DuplicateTokensInTable,
    IReadOnlyList<CounterCheck> Counters,
    int NotPendingOffline,
    int Transactions,
    double MeanBatch,
    int MedianBatch,
    int LargestBatch)
{
    public bool Passed => Missing == 0 && Duplicated == 0 && WrongTarget == 0 && StoredNotAcknowledged == 0 && TokenNotOnce == 0
        && DuplicateTokensInTable == 0 && NotPendingOffline == 0 && Counters.All(c => c.Consistent);

    public override string ToString() =>
        $"{Acknowledged:N0} acknowledged (whole run), {StoredForRun:N0} stored: {Missing} missing, {Duplicated} duplicated, {WrongTarget} on the wrong target, " +
        $"{StoredNotAcknowledged} stored without acknowledgement; " +
        (TokensChecked ? $"form tokens: {TokenNotOnce} acknowledged not stored exactly once, {DuplicateTokensInTable} stored twice" : "form tokens not checked (this build stores none)") +
        (NotPendingOffline > 0 ? $"; {NotPendingOffline} not pending offline gifts" : "") +
        (Counters.Count > 0 ? "; " + string.Join("; ", Counters) : "") + (Passed ? "" : " — INCONSISTENT") +
        $"; group commit: {Transactions:N0} distinct creation instants (transactions), mean {MeanBatch:0.0}, median {MedianBatch}, largest {LargestBatch} per transaction";
}

public sealed record ActionRun(
    string Benchmark,
    string Noun,
    DateTimeOffset FinishedAt,
    BenchOptions Options,
    BenchEnvironment Environment,
    double OtherCoresBeforeStart,
    PhaseResult? Baseline,
    PhaseResult Warmup,
    PhaseResult Measured,
    Dictionary<string, int> Errors,
    string? FirstErrorDetail,
    long PeakRssHwmKb,
    bool ServerAliveAtEnd,
    ShutdownResult Shutdown,
    ActionCheck Check)
{
    public double? Ratio => Baseline is { PerSecond: > 0 } b ? Measured.PerSecond / b.PerSecond : null;

    /// <summary>Server CPU time per acknowledged action in the measured window, in µs.</summary>
    public double? ServerCpuMicrosPerAction => Measured.Cpu.ServerCores is { } cores && Measured.PerSecond > 0 ? cores / Measured.PerSecond * 1_000_000 : null;

    public bool Disturbed => OtherCoresBeforeStart > SignaturesBenchmark.QuietCores
        || Measured.Cpu.OtherCores > SignaturesBenchmark.QuietCores
        || (Baseline?.Cpu.OtherCores ?? 0) > SignaturesBenchmark.QuietCores;

    public bool TargetMet => Measured.PerSecond >= ActionsBenchmark.TargetPerSecond && Measured.Latency.P99 < ActionsBenchmark.TargetP99Ms;
}
