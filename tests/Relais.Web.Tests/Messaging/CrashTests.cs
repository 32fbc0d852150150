using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;
using Relais.Messaging;
using Relais.Web.Tests.Privacy;

namespace Relais.Web.Tests.Delivery;

/// <summary>
/// The real server as its own process, sending to the aiosmtpd sink, killed with SIGKILL in the
/// middle of a send and started again on the same data folder: every recipient receives exactly one copy.
/// </summary>
public sealed partial class CrashTests
{
    private const int Recipients = 300;

    [GeneratedRegex(@"^To:\s*<?crash-([0-9a-f]{32})-(\d+)@example\.org", RegexOptions.Multiline | RegexOptions.IgnoreCase)]
    private static partial Regex RecipientPattern();

    /// <summary>
    /// The two-step hand-over needs the real bulk SMTP client (feat/wire). Until it is merged the
    /// only bulk transport is the single-step fallback, whose hand-over is not split around the
    /// commit, so this test skips itself; it runs as soon as another transport exists.
    /// </summary>
    private static string? WireMissing =>
        typeof(IBulkMailTransport).Assembly.GetTypes().Any(t => typeof(IBulkMailTransport).IsAssignableFrom(t) && t is { IsInterface: false, IsAbstract: false } && t != typeof(SingleStepBulkTransport))
            ? null
            : "Needs the bulk SMTP client of feat/wire (an IBulkMailTransport other than SingleStepBulkTransport); runs by itself once merged.";

    [Fact]
    public async Task Send_KilledMidSendAndRestarted_EveryoneReceivesExactlyOne()
    {
        if (WireMissing is { } reason && Environment.GetEnvironmentVariable("RELAIS_TEST_CRASH_ANY_TRANSPORT") != "1")
        {
            Assert.Skip(reason);
        }
        Mailbox.SkipIfUnavailable();
        var dataFolder = Directory.CreateTempSubdirectory("relais-crash-").FullName;
        var run = Guid.NewGuid().ToString("N");
        try
        {
            // Arrange in-process on the data folder, then leave it to the real server.
            SeededOrganization organization;
            Guid messageId;
            await using (var arrange = SqliteHost.OnFolder(dataFolder))
            {
                organization = await arrange.Data.OrganizationAsync();
                await arrange.Data.PeopleAsync(Enumerable.Range(0, Recipients)
                    .Select(i => DeliveryArrange.Person(organization.Id, email: $"crash-{run}-{i}@example.org")));
                messageId = (await arrange.Data.MessageAsync(organization.Id)).Id;
            }
            SqliteConnection.ClearAllPools();

            var first = RelaisProcess.Start(dataFolder);
            try
            {
                await first.WaitHealthyAsync();
                var organizer = await first.Client().LoginAsync(organization.OrganizerEmail);
                var start = await organizer.PostActionAsync(messageId, "send");
                Assert.Equal(HttpStatusCode.Redirect, start.StatusCode);
                // Triggered by arrivals, not by the database: a copy arrives right after its group's
                // dots, so the kill lands while the next group is being begun, as a real crash mostly does.
                await UntilAsync(dataFolder, () => Copies(run).Count >= Recipients / 3, "a third received");
            }
            finally
            {
                first.Kill();
            }
            var sentAtKill = SentCount(dataFolder);
            Assert.InRange(sentAtKill, 1, Recipients - 1);

            var second = RelaisProcess.Start(dataFolder);
            try
            {
                await second.WaitHealthyAsync();
                await UntilAsync(dataFolder, () => Status(dataFolder) == "Sent", "the message sent", seconds: 120);
            }
            finally
            {
                second.Kill();
            }

            var copies = Copies(run);
            Assert.All(copies, c => Assert.Equal(1, c.Value));
            // A kill between recording a hand-over and writing its dot may cost that copy (never a
            // second one): only copies left unconfirmed may be missing, at most one per connection.
            var unconfirmed = Unconfirmed(dataFolder);
            var missing = Enumerable.Range(0, Recipients).Select(i => i.ToString(CultureInfo.InvariantCulture)).Where(i => !copies.ContainsKey(i)).ToList();
            Assert.Subset(unconfirmed, missing.ToHashSet());
            Assert.InRange(unconfirmed.Count, 0, 4);
            Assert.Equal(Recipients - unconfirmed.Count, copies.Count(c => !unconfirmed.Contains(c.Key)));
        }
        finally
        {
            // The temp cleaner takes what a dying process still held.
            TempFolder.Delete(dataFolder);
        }
    }

    /// <summary>Copies received per recipient, counted by address: this run's addresses are its own.</summary>
    private static Dictionary<string, int> Copies(string run) =>
        Directory.EnumerateFiles(Path.Combine(Mailbox.Folder!, "new"))
            .Select(f => RecipientPattern().Match(File.ReadAllText(f)))
            .Where(m => m.Success && m.Groups[1].Value == run)
            .GroupBy(m => m.Groups[2].Value)
            .ToDictionary(g => g.Key, g => g.Count());

    private static async Task UntilAsync(string dataFolder, Func<bool> condition, string what, int seconds = 60)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, $"Waited in vain for {what} (sent {SentCount(dataFolder)}, status {Status(dataFolder)}).");
            await Task.Delay(20);
        }
    }

    /// <summary>The recipients (by number) whose hand-over was recorded but never confirmed by the server.</summary>
    private static HashSet<string> Unconfirmed(string dataFolder)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = Path.Combine(dataFolder, "relais.db"), Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ConnectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT s.Email FROM MessageRecipients r JOIN Supporters s ON s.Id = r.SupporterId
            WHERE r.Status = 'Sent' AND r.AcceptedAt IS NULL
            """;
        using var reader = command.ExecuteReader();
        var numbers = new HashSet<string>();
        while (reader.Read())
        {
            numbers.Add(reader.GetString(0).Split('-', '@')[2]);
        }
        return numbers;
    }

    private static int SentCount(string dataFolder) => Convert.ToInt32(Scalar(dataFolder, "SELECT SentCount FROM Messages"), CultureInfo.InvariantCulture);

    private static string Status(string dataFolder) => (string)Scalar(dataFolder, "SELECT Status FROM Messages")!;

    private static object? Scalar(string dataFolder, string sql)
    {
        var file = Path.Combine(dataFolder, "relais.db");
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = file, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ConnectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }
}

/// <summary>Relais.Web.dll (copied beside the tests) run as its own process on a free loopback port.</summary>
internal sealed class RelaisProcess
{
    private readonly Process _process;

    private RelaisProcess(Process process, int port)
    {
        _process = process;
        BaseAddress = new Uri($"http://127.0.0.1:{port}/");
    }

    public Uri BaseAddress { get; }

    public static RelaisProcess Start(string dataFolder)
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = AppContext.BaseDirectory,
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Relais.Web.dll"));
        var environment = new Dictionary<string, string?>
        {
            ["Urls"] = $"http://127.0.0.1:{port}",
            ["ASPNETCORE_URLS"] = null,
            ["ASPNETCORE_ENVIRONMENT"] = "Testing",
            ["Relais__Database__Provider"] = "Sqlite",
            ["Relais__Database__DataFolder"] = dataFolder,
            ["Relais__Startup__SeedDemo"] = "false",
            ["Relais__Smtp__Host"] = "127.0.0.1",
            ["Relais__Smtp__Port"] = Mailbox.Port,
            ["Relais__Smtp__FromAddress"] = "relais@example.org",
            ["Relais__Smtp__MaxConnections"] = "4",
            // Slow enough that the kill lands in the middle of the send.
            ["Relais__Smtp__MessagesPerSecond"] = "60",
            ["Relais__Delivery__BatchSize"] = "20",
            ["Relais__Delivery__LeaseSeconds"] = "2",
            ["Relais__Delivery__PollMilliseconds"] = "100",
            ["Relais__PublicUrl"] = "https://relais.example.org",
            ["Logging__LogLevel__Default"] = "Warning",
        };
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }
        var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return new RelaisProcess(process, port);
    }

    public HttpClient Client() =>
        new(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true, CookieContainer = new CookieContainer() }) { BaseAddress = BaseAddress };

    public async Task WaitHealthyAsync()
    {
        using var http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            Assert.False(_process.HasExited, $"The server exited with code {(_process.HasExited ? _process.ExitCode : 0)} during start-up.");
            try
            {
                if (await http.GetStringAsync("health") == "ok")
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException)
            {
            }
            Assert.True(DateTime.UtcNow < deadline, "The server did not answer /health in time.");
            await Task.Delay(200);
        }
    }

    /// <summary>SIGKILL: no shutdown, no flush, as a power cut or the OOM killer.</summary>
    public void Kill()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }
        _process.Dispose();
    }
}
