using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;

namespace Relais.Bench;

/// <summary>
/// Issue 4's figure: a bulk email to a segment of a million mailable supporters, rendered per
/// person and handed over SMTP to postfix's smtp-sink on loopback, against the raw rate of
/// postfix's smtp-source sending straight into the same sink in the same run.
/// </summary>
public static partial class EmailBenchmark
{
    public const double TargetPerSecond = 2_000;
    public const long TargetPeakMb = 400;

    public const string Usage = """
        usage: dotnet run -c Release --project bench/Relais.Bench -- email [options]

          --supporters N       recipients to generate (default 1000000); ignored with --data
          --data DIR           reuse a data folder prepared by an earlier run (--keep-data)
          --connections N      SMTP connections of the sender and sessions of smtp-source (default 16)
          --batch N            recipients claimed at once (default 1000)
          --baseline N         messages smtp-source sends for the baseline (default 200000)
          --keep-data          keep the generated data folder (its path is printed)
          --server-env K=V     an extra environment variable for the server (repeatable), e.g. for perf
          --update-readme      write the figures into bench/README.md
        """;

    [GeneratedRegex("<option value=\"([0-9a-f-]{36})\"[^>]*>Critical Exposure")]
    private static partial Regex CampaignPattern();

    [GeneratedRegex("/admin/(?:segments|messages)/([0-9a-f-]{36})")]
    private static partial Regex IdPattern();

    public static async Task<int> RunAsync(string[] args, string repoRoot, CancellationToken ct)
    {
        var supporters = 1_000_000;
        var connections = 16;
        var batch = 1_000;
        var baselineMessages = 200_000;
        string? data = null;
        bool keep = false, update = false;
        var serverEnvironment = new List<string>();
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--supporters": supporters = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--data": data = args[++i]; break;
                case "--connections": connections = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--batch": batch = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--baseline": baselineMessages = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--keep-data": keep = true; break;
                case "--server-env": serverEnvironment.Add(args[++i]); break;
                case "--update-readme": update = true; break;
                default:
                    await Console.Error.WriteLineAsync(Usage);
                    return 2;
            }
        }
        var sinkPath = Tool("smtp-sink");
        var sourcePath = Tool("smtp-source");
        var prepared = data is not null;
        data ??= Path.Combine(Path.GetTempPath(), "relais-bench-email-" + DateTime.UtcNow.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture));
        try
        {
            if (!prepared)
            {
                Console.WriteLine($"Generating {supporters:N0} supporters into {data}…");
                await Cli.RunAsync(repoRoot, ["demo", "--data", data, "--supporters-per-campaign", "20", "--scale", supporters.ToString(CultureInfo.InvariantCulture), "--scale-activities", "0"], ct);
                await Cli.RunAsync(repoRoot, ["create-admin", "--email", AdminSession.Email, "--organization", "demo", "--password", AdminSession.Password, "--data", data], ct);
            }
            var mailable = GrantEveryone(Path.Combine(data, "relais.db"));

            await using var sink = SmtpSink.Start(sinkPath);
            var baseline = await SmtpSink.SourceAsync(sourcePath, sink.Port, connections, baselineMessages, MessageBytes, ct);
            var afterBaseline = await sink.WaitForCountAsync(baselineMessages, TimeSpan.FromSeconds(30), ct);
            Console.WriteLine($"smtp-source → smtp-sink: {baselineMessages:N0} messages of {MessageBytes:N0} bytes in {baseline.TotalSeconds:N1} s = {baselineMessages / baseline.TotalSeconds:N0} msgs/s");

            await using var server = ServerProcess.Start(Path.Combine(repoRoot, "src", "Relais.Web", "bin", "Release", "net10.0"), data, "NORMAL", 10,
            [
                "Relais__Smtp__Host=127.0.0.1",
                $"Relais__Smtp__Port={sink.Port}",
                $"Relais__Smtp__MaxConnections={connections}",
                $"Relais__Delivery__BatchSize={batch}",
                "Relais__Delivery__PollMilliseconds=100",
                "Relais__PublicUrl=https://relais.example.org",
                .. serverEnvironment,
            ]);
            server.StartSampling();
            await server.WaitHealthyAsync(TimeSpan.FromMinutes(5), ct);
            using var http = await AdminSession.SignInAsync(server.BaseAddress, ct);
            var segment = await CreateSegmentAsync(http, ct);
            var message = await ComposeAsync(http, segment, ct);

            var started = Stopwatch.GetTimestamp();
            await AdminSession.PostAsync(http, $"admin/messages/{message}", $"admin/messages/{message}/send", [], ct);
            var (figures, timeline) = await WatchAsync(http, message, ct);
            var elapsed = Stopwatch.GetElapsedTime(started);
            await server.StopSamplingAsync();
            var peak = ProcFs.StatusKb(server.Pid, "VmHWM") ?? 0;
            var received = await sink.WaitForCountAsync(afterBaseline + figures.Sent, TimeSpan.FromSeconds(30), ct) - afterBaseline;

            var rate = figures.Sent / elapsed.TotalSeconds;
            var raw = baselineMessages / baseline.TotalSeconds;
            var steady = Steady(timeline);
            var date = DateTime.UtcNow.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            var met = rate >= TargetPerSecond && peak / 1024 < TargetPeakMb;
            var row = $"| email-sqlite | {Report.N(rate)} | msgs/s | {Report.N(raw)} | {Report.N(rate / raw, "0.00")} | — | {Report.Mb(peak)} | {date} |";
            var note = $"email-sqlite ({date}): {Report.N(figures.Recipients)} recipients ({Report.N(mailable)} mailable supporters) " +
                $"rendered and handed to smtp-sink over {connections} connections in {elapsed.TotalSeconds:N0} s from the click on Send: {Report.N(rate)} msgs/s " +
                $"(steady {Report.N(steady)} msgs/s between 10 % and 90 % sent); sent {Report.N(figures.Sent)}, failed {Report.N(figures.Failed)}, " +
                $"bounced {Report.N(figures.Bounced)}, skipped {Report.N(figures.Skipped)}; the sink counted {Report.N(received)}. " +
                $"Baseline: smtp-source sent {Report.N(baselineMessages)} messages of {Report.N(MessageBytes)} bytes over {connections} sessions at {Report.N(raw)} msgs/s. " +
                (met ? "Target met" : "Target not met") + $" (target: {Report.N(TargetPerSecond)} msgs/s, peak memory under {TargetPeakMb} MB).";
            Console.WriteLine(note);
            Console.WriteLine(row);
            if (received != figures.Sent)
            {
                throw new InvalidOperationException($"the sink counted {received:N0} messages but Relais recorded {figures.Sent:N0} as sent");
            }
            if (update)
            {
                var path = Path.Combine(repoRoot, "bench", "README.md");
                var text = File.ReadAllText(path);
                text = Readme.ReplaceRow(text, "email-sqlite", row);
                text = Readme.ReplaceBlock(text, "email-sqlite", "note", note);
                File.WriteAllText(path, text);
            }
            return 0;
        }
        finally
        {
            if (!keep && !prepared)
            {
                Directory.Delete(data, recursive: true);
            }
            else
            {
                Console.WriteLine($"Data kept in {data}");
            }
        }
    }

    /// <summary>About the size of the email this benchmark composes (headers, text and HTML parts), measured once.</summary>
    private const int MessageBytes = 6_000;

    private static string Tool(string name) =>
        new[] { "/usr/sbin/" + name, "/usr/bin/" + name }.FirstOrDefault(File.Exists)
        ?? throw new FileNotFoundException($"{name} is missing: install postfix (bench/run.sh does: apt-get install -y postfix).", name);

    /// <summary>Everyone generated may receive email, so the segment holds every supporter.</summary>
    private static long GrantEveryone(string databasePath)
    {
        using var connection = new SqliteConnection($"Data Source={databasePath}");
        connection.Open();
        using var update = connection.CreateCommand();
        update.CommandText = """UPDATE "Supporters" SET "EmailConsent" = 'Granted' WHERE "ErasedAt" IS NULL AND "EmailConsent" <> 'Granted'""";
        update.ExecuteNonQuery();
        using var count = connection.CreateCommand();
        count.CommandText = """SELECT COUNT(*) FROM "Supporters" WHERE "EmailConsent" = 'Granted'""";
        return (long)count.ExecuteScalar()!;
    }

    private static async Task<string> CreateSegmentAsync(HttpClient http, CancellationToken ct)
    {
        var location = await AdminSession.PostAsync(http, "admin/segments/new", "admin/segments/new?handler=Save", new()
        {
            ["name"] = "Everyone who accepts email " + Guid.NewGuid().ToString("N")[..6],
            ["match"] = "all",
            ["c[0].kind"] = "email-consent",
        }, ct);
        return IdPattern().Match(location).Groups[1].Value;
    }

    private static async Task<string> ComposeAsync(HttpClient http, string segment, CancellationToken ct)
    {
        var page = await http.GetStringAsync("admin/messages/new", ct);
        var campaign = CampaignPattern().Match(page) is { Success: true } m ? m.Groups[1].Value : "";
        const string fr = """
            Bonjour {{ first_name | ami·e }},

            Nous sommes déjà **{{ counter }}** à avoir signé pour « {{ campaign_title }} ». L'objectif : {{ goal }}.

            Votre prochaine étape : [{{ next_step | partager la campagne }}]({{ next_step_link | https://relais.example.org }}).

            Chaque personne que vous amenez compte : [votre lien personnel]({{ relay_link }}).

            Merci, et à très vite.
            """;
        const string en = """
            Hello {{ first_name | friend }},

            **{{ counter }}** of us have already signed for “{{ campaign_title }}”. The goal: {{ goal }}.

            Your next step: [{{ next_step | share the campaign }}]({{ next_step_link | https://relais.example.org }}).

            Everyone you bring counts: [your personal link]({{ relay_link }}).

            Thank you, and see you soon.
            """;
        var location = await AdminSession.PostAsync(http, "admin/messages/new", "admin/messages/new?handler=Save", new()
        {
            ["Input.Name"] = "Benchmark " + DateTime.UtcNow.ToString("s", CultureInfo.InvariantCulture),
            ["Input.SegmentId"] = segment,
            ["Input.CampaignId"] = campaign,
            ["Input.Fr.Subject"] = "{{ first_name | Bonjour }}, nous sommes {{ counter }}",
            ["Input.Fr.Preheader"] = "Des nouvelles de la campagne",
            ["Input.Fr.Body"] = fr,
            ["Input.En.Subject"] = "{{ first_name | Hello }}, we are {{ counter }}",
            ["Input.En.Preheader"] = "News from the campaign",
            ["Input.En.Body"] = en,
            ["Input.AttributionDays"] = "7",
            ["Input.TrackClicks"] = "true",
            ["Input.OverrideFrequencyCap"] = "true",
        }, ct);
        return IdPattern().Match(location).Groups[1].Value;
    }

    private sealed record Figures(string Status, int Recipients, int Queued, int Sent, int Failed, int Bounced, int Skipped);

    /// <summary>Polls the progress figures every second until the send is over; returns them with (seconds, sent) samples.</summary>
    private static async Task<(Figures Figures, List<(double Seconds, int Sent)> Timeline)> WatchAsync(HttpClient http, string message, CancellationToken ct)
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        var timeline = new List<(double, int)>();
        var started = Stopwatch.GetTimestamp();
        var lastShown = -10.0;
        while (true)
        {
            await Task.Delay(TimeSpan.FromSeconds(1), ct);
            var figures = (await JsonSerializer.DeserializeAsync<Figures>(await http.GetStreamAsync($"admin/messages/{message}/progress.json", ct), options, ct))!;
            var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
            timeline.Add((seconds, figures.Sent));
            if (seconds - lastShown >= 10)
            {
                lastShown = seconds;
                Console.WriteLine($"  {seconds,5:N0} s: {figures.Status}, {figures.Sent:N0} sent of {figures.Recipients:N0}, {figures.Queued:N0} queued");
            }
            if (figures.Status is "Sent" or "Cancelled" or "Paused")
            {
                return (figures, timeline);
            }
        }
    }

    private static double Steady(List<(double Seconds, int Sent)> timeline)
    {
        var total = timeline[^1].Sent;
        var from = timeline.FirstOrDefault(t => t.Sent >= total * 0.1);
        var to = timeline.FirstOrDefault(t => t.Sent >= total * 0.9);
        return to.Seconds > from.Seconds ? (to.Sent - from.Sent) / (to.Seconds - from.Seconds) : 0;
    }
}
