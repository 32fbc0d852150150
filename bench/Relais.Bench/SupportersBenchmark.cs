using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Relais.Bench;

/// <summary>
/// Issue 3's figures on a database prepared by `relais demo --scale 1000000` (a million generated
/// supporters, ten million activities): the live count of a three-condition segment and the
/// supporter profile page, each timed one request at a time against the bare GET /health of the
/// same server, as an organizer would see them.
/// </summary>
public static partial class SupportersBenchmark
{
    public const string Usage = """
        usage: dotnet run -c Release --project bench/Relais.Bench -- supporters --data DIR [options]

          --data DIR                 data folder prepared with `relais demo --data DIR --scale 1000000`
          --provider Postgres        use PostgreSQL instead (with --connection-string, prepared the same way)
          --connection-string CS     PostgreSQL connection string
          --samples N                timed requests per measure (default 50)
          --update-readme            write the figures into bench/README.md
          --server-dir DIR           another build of Relais.Web to time (default: this checkout's Release build)
          --server-env K=V           an extra environment variable for the server (repeatable), e.g. to log its SQL
        """;

    private const string AdminEmail = "bench@relais.localhost";
    private const string AdminPassword = "bench password long enough";

    [GeneratedRegex("name=\"__af\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();

    [GeneratedRegex("<option value=\"([0-9a-f-]{36})\"[^>]*>Campagne archivée n° 1<")]
    private static partial Regex ArchivedPetitionPattern();

    [GeneratedRegex("/admin/supporters/([0-9a-f-]{36})\"")]
    private static partial Regex ProfileLinkPattern();

    public static async Task<int> RunAsync(string[] args, string repoRoot, CancellationToken ct)
    {
        string? data = null, connection = null, serverDir = null;
        var postgres = false;
        var environment = new List<string>();
        var samples = 50;
        var update = false;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--data": data = args[++i]; break;
                case "--provider": postgres = args[++i].Equals("Postgres", StringComparison.OrdinalIgnoreCase); break;
                case "--connection-string": connection = args[++i]; break;
                case "--samples": samples = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--update-readme": update = true; break;
                case "--server-dir": serverDir = Path.GetFullPath(args[++i]); break;
                case "--server-env": environment.Add(args[++i]); break;
                default:
                    await Console.Error.WriteLineAsync(Usage);
                    return 2;
            }
        }
        if (data is null || (postgres && connection is null))
        {
            await Console.Error.WriteLineAsync(Usage);
            return 2;
        }
        var engine = postgres ? "postgres" : "sqlite";
        var database = new List<string> { "--data", data };
        if (postgres)
        {
            database.AddRange(["--provider", "Postgres", "--connection-string", connection!]);
            environment.AddRange(["Relais__Database__Provider=Postgres", $"Relais__Database__ConnectionString={connection}"]);
        }
        await Cli.RunAsync(repoRoot, ["create-admin", "--email", AdminEmail, "--organization", "demo", "--password", AdminPassword, .. database], ct);

        await using var server = ServerProcess.Start(
            serverDir ?? Path.Combine(repoRoot, "src", "Relais.Web", "bin", "Release", "net10.0"), data, "NORMAL", 10, environment);
        server.StartSampling();
        await server.WaitHealthyAsync(TimeSpan.FromMinutes(10), ct);
        using var http = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false })
        {
            BaseAddress = server.BaseAddress,
            Timeout = TimeSpan.FromMinutes(2),
        };
        http.DefaultRequestHeaders.AcceptLanguage.ParseAdd("fr");
        var login = await http.PostAsync("admin/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Email"] = AdminEmail,
            ["Password"] = AdminPassword,
            ["__af"] = await TokenAsync(http, "admin/login", ct),
        }), ct);
        if (login.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"login answered {(int)login.StatusCode}");
        }

        var builder = await http.GetStringAsync("admin/segments/new", ct);
        var petition = ArchivedPetitionPattern().Match(builder) is { Success: true } m
            ? m.Groups[1].Value
            : throw new InvalidOperationException("No generated campaign in the segment builder: prepare the data with `relais demo --scale`.");
        var token = TokenPattern().Match(builder).Groups[1].Value;
        var segment = new Dictionary<string, string>
        {
            ["__af"] = WebUtility.HtmlDecode(token),
            ["match"] = "all",
            ["c[0].kind"] = "took-action",
            ["c[0].action"] = petition,
            ["c[1].kind"] = "ladder",
            ["c[1].op"] = "gte",
            ["c[1].rank"] = "2",
            ["c[2].kind"] = "country",
            ["c[2].countries"] = "FR",
        };

        var profiles = new List<string>();
        var random = new Random(20_261_121);
        while (profiles.Count < Math.Min(samples, 20))
        {
            var page = await http.GetStringAsync($"admin/supporters?q=person{random.Next(1, 1_000_000)}%40scale.example.org", ct);
            if (ProfileLinkPattern().Match(page) is { Success: true } link)
            {
                profiles.Add(link.Groups[1].Value);
            }
        }

        // Warm-up: the JIT, the connection pool and the database's cache, as on a server that has been running.
        for (var i = 0; i < 5; i++)
        {
            await http.GetStringAsync("health", ct);
            await CountAsync(http, segment, ct);
            await http.GetStringAsync($"admin/supporters/{profiles[i % profiles.Count]}", ct);
        }

        var health = await TimeAsync(samples * 4, _ => http.GetStringAsync("health", ct), ct);
        var count = 0;
        var counts = await TimeAsync(samples, async _ => count = await CountAsync(http, segment, ct), ct);
        var profile = await TimeAsync(samples, i => http.GetStringAsync($"admin/supporters/{profiles[i % profiles.Count]}", ct), ct);
        await server.StopSamplingAsync();
        var peak = ProcFs.StatusKb(server.Pid, "VmHWM") ?? 0;

        var date = DateTime.UtcNow.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var countRow = Row($"segment-count-{engine}", counts, health, peak, date);
        var profileRow = Row($"supporter-profile-{engine}", profile, health, peak, date);
        Console.WriteLine($"GET /health: {health}");
        Console.WriteLine($"segment count ({count:N0} supporters): {counts}");
        Console.WriteLine($"profile page: {profile}");
        Console.WriteLine($"server peak memory: {Report.Mb(peak)}");
        Console.WriteLine(countRow);
        Console.WriteLine(profileRow);
        if (update)
        {
            var path = Path.Combine(repoRoot, "bench", "README.md");
            var text = File.ReadAllText(path);
            text = Readme.ReplaceRow(text, $"segment-count-{engine}", countRow);
            text = Readme.ReplaceRow(text, $"supporter-profile-{engine}", profileRow);
            text = Readme.ReplaceBlock(text, $"supporters-{engine}", "note",
                $"supporters-{engine} ({date}): segment \"signed archived petition 1 AND ladder ≥ 2 AND country FR\" = {count:N0} of 1,010,200 supporters; " +
                $"count {counts}; profile {profile}; /health {health}.");
            File.WriteAllText(path, text);
        }
        return 0;
    }

    private static string Row(string name, Latency latency, Latency health, long peakKb, string date) =>
        $"| {name} | {Report.N(latency.P50, "0.0")} | ms (p50) | {Report.N(health.P50, "0.00")} ms | {Report.N(latency.P50 / health.P50, "0")} " +
        $"| {Report.N(latency.P99, "0")} ms | {Report.Mb(peakKb)} | {date} |";

    private static async Task<int> CountAsync(HttpClient http, Dictionary<string, string> segment, CancellationToken ct)
    {
        var response = await http.PostAsync("admin/segments/count", new FormUrlEncodedContent(segment), ct);
        var body = await response.Content.ReadAsStringAsync(ct);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"segment count answered {(int)response.StatusCode}: {body}");
        }
        return JsonDocument.Parse(body).RootElement.GetProperty("count").GetInt32();
    }

    private static async Task<Latency> TimeAsync(int samples, Func<int, Task> request, CancellationToken ct)
    {
        var micros = new List<int>(samples);
        for (var i = 0; i < samples; i++)
        {
            ct.ThrowIfCancellationRequested();
            var started = Stopwatch.GetTimestamp();
            await request(i);
            micros.Add((int)Stopwatch.GetElapsedTime(started).TotalMicroseconds);
        }
        return Latency.Of(micros);
    }

    private static async Task<string> TokenAsync(HttpClient http, string url, CancellationToken ct) =>
        WebUtility.HtmlDecode(TokenPattern().Match(await http.GetStringAsync(url, ct)).Groups[1].Value);
}
