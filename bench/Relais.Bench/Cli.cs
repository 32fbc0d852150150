using System.Diagnostics;

namespace Relais.Bench;

/// <summary>The `relais` command of the Release build, for preparing a benchmark's data.</summary>
public static class Cli
{
    public static async Task RunAsync(string repoRoot, IEnumerable<string> args, CancellationToken ct)
    {
        var start = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(repoRoot, "src", "Relais.Cli", "bin", "Release", "net10.0", "relais.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync(ct);
        var errors = process.StandardError.ReadToEndAsync(ct);
        await process.WaitForExitAsync(ct);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"relais {string.Join(' ', args)} failed: {await output}{await errors}");
        }
    }
}
