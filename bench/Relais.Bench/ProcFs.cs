using System.Globalization;

namespace Relais.Bench;

/// <summary>Linux /proc readings: memory and CPU time of a process, and of the whole machine.</summary>
public static class ProcFs
{
    /// <summary>USER_HZ: the unit of the CPU times in /proc (100 on every Linux this runs on).</summary>
    public const double TicksPerSecond = 100;

    /// <summary>A field of /proc/PID/status in kB (VmRSS, VmHWM), or null once the process is gone.</summary>
    public static long? StatusKb(int pid, string field)
    {
        try
        {
            foreach (var line in File.ReadLines($"/proc/{pid}/status"))
            {
                if (line.StartsWith(field, StringComparison.Ordinal) && line.Length > field.Length && line[field.Length] == ':')
                {
                    var digits = line.AsSpan(field.Length + 1).Trim();
                    var space = digits.IndexOf(' ');
                    return long.Parse(space < 0 ? digits : digits[..space], CultureInfo.InvariantCulture);
                }
            }
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
        return null;
    }

    /// <summary>User plus system CPU time of a process ("self" for this one), in ticks.</summary>
    public static long? ProcessCpuTicks(string pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            // The command name (field 2) may hold spaces; fields after its closing parenthesis are fixed.
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            // fields[0] is field 3 (state); utime and stime are fields 14 and 15.
            return long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
        }
        catch (IOException)
        {
            return null;
        }
    }

    /// <summary>
    /// Busy, total and interrupt ticks of all CPUs together (first line of /proc/stat). Interrupt
    /// time (irq and softirq: on loopback, most of the TCP stack) is charged to no process.
    /// </summary>
    public static (long Busy, long Total, long Interrupts) MachineTicks()
    {
        var line = File.ReadLines("/proc/stat").First();
        var values = line.Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1)
            .Select(v => long.Parse(v, CultureInfo.InvariantCulture)).ToArray();
        // user nice system idle iowait irq softirq steal (guest time is already in user).
        var total = values.Take(8).Sum();
        var idle = values[3] + values[4];
        return (total - idle, total, values[5] + values[6]);
    }

    /// <summary>The file system type holding <paramref name="path"/> (ext4, tmpfs, overlay…).</summary>
    public static string FileSystemOf(string path)
    {
        var full = Path.GetFullPath(path);
        var best = (Mount: "", Type: "unknown");
        foreach (var line in File.ReadLines("/proc/mounts"))
        {
            var parts = line.Split(' ');
            if (parts.Length < 3)
            {
                continue;
            }
            var mount = parts[1].Replace("\\040", " ", StringComparison.Ordinal);
            var inside = full == mount || full.StartsWith(mount.EndsWith('/') ? mount : mount + "/", StringComparison.Ordinal);
            if (inside && mount.Length >= best.Mount.Length)
            {
                best = (mount, parts[2]);
            }
        }
        return best.Type;
    }

    public static string CpuModel()
    {
        try
        {
            var line = File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal));
            return line is null ? "unknown" : line[(line.IndexOf(':') + 1)..].Trim();
        }
        catch (IOException)
        {
            return "unknown";
        }
    }
}

/// <summary>CPU used by the server, by this load generator and by the whole machine between two readings.</summary>
public readonly record struct CpuReading(long Timestamp, long? Server, long? Self, long MachineBusy, long MachineTotal, long Interrupts)
{
    public static CpuReading Take(int serverPid)
    {
        var (busy, total, interrupts) = ProcFs.MachineTicks();
        return new(System.Diagnostics.Stopwatch.GetTimestamp(),
            ProcFs.ProcessCpuTicks(serverPid.ToString(CultureInfo.InvariantCulture)), ProcFs.ProcessCpuTicks("self"), busy, total, interrupts);
    }

    /// <summary>Cores busy on average: server, load generator, whole machine (of <see cref="Environment.ProcessorCount"/>).</summary>
    public static CpuUse Between(CpuReading start, CpuReading end)
    {
        var seconds = System.Diagnostics.Stopwatch.GetElapsedTime(start.Timestamp, end.Timestamp).TotalSeconds;
        double? Cores(long? a, long? b) => a is { } x && b is { } y && seconds > 0 ? (y - x) / ProcFs.TicksPerSecond / seconds : null;
        var totalTicks = end.MachineTotal - start.MachineTotal;
        double Share(long ticks) => totalTicks > 0 ? (double)ticks / totalTicks * Environment.ProcessorCount : 0;
        return new CpuUse(Cores(start.Server, end.Server), Cores(start.Self, end.Self),
            Share(end.MachineBusy - start.MachineBusy), Share(end.Interrupts - start.Interrupts));
    }

    /// <summary>Cores busy on the whole machine over <paramref name="period"/>.</summary>
    public static async Task<double> MachineBusyAsync(TimeSpan period, CancellationToken ct)
    {
        var (busy, total, _) = ProcFs.MachineTicks();
        await Task.Delay(period, ct);
        var (busy2, total2, _) = ProcFs.MachineTicks();
        return total2 > total ? (double)(busy2 - busy) / (total2 - total) * Environment.ProcessorCount : 0;
    }
}

/// <summary>
/// Average cores busy over a window. <see cref="InterruptCores"/> is kernel interrupt work charged to
/// no process (mostly the loopback TCP traffic between the two); <see cref="OtherCores"/> is the
/// rest: other processes on the machine, which make the figures unreliable.
/// </summary>
public sealed record CpuUse(double? ServerCores, double? LoadGeneratorCores, double MachineCores, double InterruptCores)
{
    public double OtherCores => Math.Max(0, MachineCores - (ServerCores ?? 0) - (LoadGeneratorCores ?? 0) - InterruptCores);
}
