using System.Globalization;

namespace Relais.Bench;

/// <summary>Command line of the benchmark runner.</summary>
public sealed record BenchOptions
{
    public const string Usage = """
        usage: dotnet run -c Release --project bench/Relais.Bench -- signatures|pledges|gifts [options]

          signatures: the petition form; pledges: the drive's pledge form (GET/POST /c/{slug}/bring);
          gifts: offline gift promises by bank transfer (GET/POST /c/{slug}/give)

          --duration S             measured signature load, seconds (default 30)
          --clients N              concurrent clients (default 64)
          --baseline-duration S    measured GET /health load, seconds (default 10)
          --warmup S               load before each measured window, reported apart (default 30: the JIT of
                                   the server and of this load generator keeps tiering up for 10-30 s)
          --sync FULL|NORMAL       SQLite synchronous pragma of the server (default FULL)
          --fresh-visitors         drop the cookies after every action (a new visitor each time)
          --demo-supporters N      demo signers per campaign in the fresh database (default 200)
          --request-timeout S      per-request timeout (default 30)
          --server-dir DIR         folder holding Relais.Web.dll (default src/Relais.Web/bin/Release/net10.0)
          --wait-quiet S           first wait up to S seconds for other processes to leave the CPUs idle
          --server-env K=V         an extra environment variable for the server (repeatable; e.g. DOTNET_PerfMapEnabled=1 to profile it with perf)
          --keep-data              keep the temporary data folder (database, server log)
          --update-readme          write the figures into bench/README.md
        """;

    public string Command { get; init; } = "";
    public int DurationSeconds { get; init; } = 30;
    public int Clients { get; init; } = 64;
    public int BaselineSeconds { get; init; } = 10;
    public int WarmupSeconds { get; init; } = 30;
    public string Sync { get; init; } = "FULL";
    public bool FreshVisitors { get; init; }
    public int DemoSupporters { get; init; } = 200;
    public int RequestTimeoutSeconds { get; init; } = 30;
    public string? ServerDir { get; init; }
    public bool KeepData { get; init; }
    public int WaitQuietSeconds { get; init; }
    public IReadOnlyList<string> ServerEnvironment { get; init; } = [];
    public bool UpdateReadme { get; init; }

    public static BenchOptions Parse(IReadOnlyList<string> args)
    {
        if (args.Count == 0 || args[0] is "-h" or "--help")
        {
            throw new UsageException("");
        }
        var options = new BenchOptions { Command = args[0] };
        for (var i = 1; i < args.Count; i++)
        {
            var name = args[i];
            string Value() => i + 1 < args.Count ? args[++i] : throw new UsageException($"{name} needs a value");
            int Int(int min, int max)
            {
                var text = Value();
                return int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n >= min && n <= max
                    ? n
                    : throw new UsageException($"{name} must be an integer between {min} and {max}, not '{text}'");
            }
            options = name switch
            {
                "--duration" => options with { DurationSeconds = Int(1, 3_600) },
                "--clients" => options with { Clients = Int(1, 4_096) },
                "--baseline-duration" => options with { BaselineSeconds = Int(0, 3_600) },
                "--warmup" => options with { WarmupSeconds = Int(0, 600) },
                "--sync" => options with { Sync = ParseSync(Value()) },
                "--fresh-visitors" => options with { FreshVisitors = true },
                "--demo-supporters" => options with { DemoSupporters = Int(10, 1_000_000) },
                "--request-timeout" => options with { RequestTimeoutSeconds = Int(1, 600) },
                "--server-dir" => options with { ServerDir = Value() },
                "--wait-quiet" => options with { WaitQuietSeconds = Int(0, 7_200) },
                "--server-env" => options with { ServerEnvironment = [.. options.ServerEnvironment, Pair(Value())] },
                "--keep-data" => options with { KeepData = true },
                "--update-readme" => options with { UpdateReadme = true },
                _ => throw new UsageException($"unknown option '{name}'"),
            };
        }
        return options;
    }

    private static string Pair(string value) =>
        value.IndexOf('=', StringComparison.Ordinal) > 0 ? value : throw new UsageException($"--server-env takes KEY=VALUE, not '{value}'");

    private static string ParseSync(string value) =>
        value.ToUpperInvariant() is "FULL" or "NORMAL"
            ? value.ToUpperInvariant()
            : throw new UsageException($"--sync must be FULL or NORMAL, not '{value}'");
}

public sealed class UsageException(string message) : Exception(message);
