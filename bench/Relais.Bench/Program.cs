using Relais.Bench;

using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    // First Ctrl+C: stop the load and the server cleanly; the second one ends the process.
    if (!cancel.IsCancellationRequested)
    {
        e.Cancel = true;
        cancel.Cancel();
    }
};

if (args.Length > 0 && args[0] == "live-counters")
{
    return await LiveCountersBenchmark.RunAsync(args[1..], RepoRoot.Find(), cancel.Token);
}

if (args.Length > 0 && args[0] == "supporters")
{
    return await SupportersBenchmark.RunAsync(args[1..], RepoRoot.Find(), cancel.Token);
}
if (args.Length > 0 && args[0] == "email")
{
    return await EmailBenchmark.RunAsync(args[1..], RepoRoot.Find(), cancel.Token);
}

if (args.Length > 0 && args[0] is "contest-rank" or "contest-live")
{
    return await ContestsBenchmark.RunAsync(args[0], args[1..], RepoRoot.Find(), cancel.Token);
}

if (args.Length > 0 && args[0] == "webhooks")
{
    return await WebhooksBenchmark.RunAsync(args[1..], RepoRoot.Find(), cancel.Token);
}

if (args.Length > 0 && args[0] == "page-cpu")
{
    return await PageCpuBenchmark.RunAsync(args[1..], RepoRoot.Find(), cancel.Token);
}

if (args.Length > 0 && args[0] == "relay-redirects")
{
    return await RelayRedirectsBenchmark.RunAsync(args[1..], RepoRoot.Find(), cancel.Token);
}

BenchOptions options;
try
{
    options = BenchOptions.Parse(args);
}
catch (UsageException ex)
{
    if (ex.Message.Length > 0)
    {
        await Console.Error.WriteLineAsync(ex.Message);
    }
    await Console.Error.WriteLineAsync(BenchOptions.Usage);
    return ex.Message.Length > 0 ? 2 : 0;
}

var repoRoot = RepoRoot.Find();
try
{
    return options.Command switch
    {
        "signatures" => await SignaturesBenchmark.RunAsync(options, repoRoot, cancel.Token),
        "pledges" or "gifts" => await ActionsBenchmark.RunAsync(options, repoRoot, cancel.Token),
        _ => throw new UsageException($"unknown benchmark '{options.Command}' (known: signatures, pledges, gifts)"),
    };
}
catch (UsageException ex)
{
    await Console.Error.WriteLineAsync(ex.Message);
    await Console.Error.WriteLineAsync(BenchOptions.Usage);
    return 2;
}
catch (OperationCanceledException) when (cancel.IsCancellationRequested)
{
    await Console.Error.WriteLineAsync("interrupted");
    return 130;
}
catch (Exception ex) when (ex is InvalidOperationException or TimeoutException or FileNotFoundException or IOException)
{
    await Console.Error.WriteLineAsync($"benchmark failed: {ex.Message}");
    return 3;
}

/// <summary>The repository root: the nearest folder above the binary (or the working directory) holding Relais.slnx.</summary>
internal static class RepoRoot
{
    public static string Find()
    {
        foreach (var start in new[] { AppContext.BaseDirectory, Directory.GetCurrentDirectory() })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "Relais.slnx")))
                {
                    return dir.FullName;
                }
            }
        }
        throw new InvalidOperationException("Cannot find the repository root (a folder holding Relais.slnx).");
    }
}
