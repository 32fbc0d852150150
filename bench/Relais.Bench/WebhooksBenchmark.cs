using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Relais.Activities;
using Relais.Data;
using Relais.Giving;
using Relais.Outbox;
using Relais.Payments;
using Relais.Receipts;

namespace Relais.Bench;

/// <summary>
/// Issue 6's webhook figure (at least 1,000 events/s): Stripe `checkout.session.completed` events,
/// each signed with the organization's signing secret (entered through the settings page, so the
/// server decrypts it as in production), posted by 64 clients to the real webhook endpoint. Each
/// new event settles one pending donation through the ledger (event row, donation, totals, Donated
/// activity, contest tallies, receipt email in the outbox, all in one transaction); every tenth
/// delivery is a replay of an event already acknowledged, as Stripe's retries are, and must answer
/// "already handled". Against the bare GET /health of the same server in the same run. After a
/// graceful stop the database must hold exactly what was acknowledged.
/// </summary>
public static partial class WebhooksBenchmark
{
    public const string Name = "webhooks-sqlite";
    public const double TargetPerSecond = 1_000;

    public const string Usage = """
        usage: dotnet run -c Release --project bench/Relais.Bench -- webhooks [options]

          --duration S       measured seconds of each phase (default 30)
          --warmup S         warm-up seconds before each phase (default 15)
          --clients N        concurrent clients, each with its own keep-alive connection (default 64)
          --donations N      pending donations seeded, one per new event (default 200000)
          --replay-every N   every Nth delivery replays an acknowledged event (default 10; 0: none)
          --sync FULL|NORMAL SQLite's synchronous setting (default FULL, the server's default)
          --server-env K=V   an extra environment variable for the server (repeatable), e.g. for perf
          --keep-data        keep the data folder and the server log
          --update-readme    write the figures into bench/README.md
        """;

    private const string Secret = "whsec_relais_bench_signing_secret";

    [GeneratedRegex("/payments/stripe/webhooks/([0-9a-f-]{36})")]
    private static partial Regex WebhookPathPattern();

    public static async Task<int> RunAsync(string[] args, string repoRoot, CancellationToken ct)
    {
        int duration = 30, warmup = 15, clients = 64, donationCount = 200_000, replayEvery = 10;
        var sync = "FULL";
        bool update = false, keep = false;
        var serverEnvironment = new List<string>();
        for (var i = 0; i < args.Length; i++)
        {
            int Next() => int.Parse(args[++i], CultureInfo.InvariantCulture);
            switch (args[i])
            {
                case "--duration": duration = Next(); break;
                case "--warmup": warmup = Next(); break;
                case "--clients": clients = Next(); break;
                case "--donations": donationCount = Next(); break;
                case "--replay-every": replayEvery = Next(); break;
                case "--sync": sync = args[++i].ToUpperInvariant(); break;
                case "--update-readme": update = true; break;
                case "--keep-data": keep = true; break;
                case "--server-env": serverEnvironment.Add(args[++i]); break;
                default:
                    await Console.Error.WriteLineAsync(Usage);
                    return 2;
            }
        }
        var serverDir = Path.Combine(repoRoot, "src", "Relais.Web", "bin", "Release", "net10.0");
        var data = Directory.CreateTempSubdirectory("relais-bench-webhooks-").FullName;
        Console.WriteLine($"{Name}: {clients} clients, {duration} s measured (+{warmup} s warm-up) per phase, synchronous={sync}, a replay every {replayEvery} deliveries");
        Console.WriteLine($"  {BenchEnvironment.Describe(data, serverDir, repoRoot)}");
        await Cli.RunAsync(repoRoot, ["demo", "--data", data, "--supporters-per-campaign", "2000"], ct);
        await Cli.RunAsync(repoRoot, ["create-admin", "--email", AdminSession.Email, "--organization", "demo", "--password", AdminSession.Password, "--data", data], ct);
        await using var server = ServerProcess.Start(serverDir, data, sync, 2000, serverEnvironment);
        try
        {
            await server.WaitHealthyAsync(TimeSpan.FromMinutes(5), ct);
            server.StartSampling();
            var organizationId = await ConfigureStripeAsync(server.BaseAddress, ct);
            var options = new DbContextOptionsBuilder<RelaisDb>();
            RelaisDatabase.Configure(options, new DatabaseOptions { DataFolder = data, SqliteSynchronous = sync });
            var (fundraiser, donations) = await SeedAsync(options.Options, organizationId, donationCount, ct);
            Console.WriteLine($"  server pid {server.Pid} on {server.BaseAddress}; {donations.Length:N0} pending Stripe donations to fundraiser {fundraiser.Id}");
            var receiptsBefore = await CountReceiptEmailsAsync(options.Options, ct);
            var contestBefore = await ContestMainBoardMinorAsync(options.Options, fundraiser.Id, ct);

            var http = Enumerable.Range(0, clients).Select(_ => ClosedLoop.Client(server.BaseAddress)).ToList();
            var health = await ClosedLoop.RunAsync(http, server.Pid, warmup, duration, async (client, _, _, token) =>
            {
                using var response = await client.GetAsync("health", token);
                return response.StatusCode == HttpStatusCode.OK;
            }, ct);
            Console.WriteLine($"  GET /health: {health}");

            var path = PaymentWebhooks(organizationId);
            var deliveries = new Deliveries(donations, replayEvery);
            var events = await ClosedLoop.RunAsync(http, server.Pid, warmup, duration,
                (client, _, _, token) => deliveries.SendAsync(client, path, token), ct);
            Console.WriteLine($"  POST {path}: {events}");
            await server.StopSamplingAsync();
            var peakKb = ProcFs.StatusKb(server.Pid, "VmHWM") ?? 0;
            var shutdown = await server.StopAsync(TimeSpan.FromSeconds(60));
            Console.WriteLine($"  stopped: {shutdown.Note} in {shutdown.Elapsed.TotalSeconds:0.0} s");

            var check = await CheckAsync(options.Options, fundraiser, deliveries, receiptsBefore, contestBefore, ct);
            Console.WriteLine($"  {check}");
            foreach (var client in http)
            {
                client.Dispose();
            }
            if (deliveries.Exhausted)
            {
                Console.WriteLine($"  the {donations.Length:N0} donations ran out: rerun with a larger --donations");
            }

            var ratio = health.PerSecond > 0 ? events.PerSecond / health.PerSecond : 0;
            var met = events.PerSecond >= TargetPerSecond && events.Errors == 0 && check.Consistent;
            var date = DateTime.UtcNow.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            var row = $"| {Name} | {Report.N(events.PerSecond)} | events/s | {Report.N(health.PerSecond)} | {Report.N(ratio, "0.000")} | " +
                $"{Report.N(events.Latency.P99, "0.0")} ms | {Report.Mb(peakKb)} | {date} |";
            var note = $"{Name} ({date}, {clients} clients, {duration} s measured after {warmup} s of warm-up, synchronous={sync}): " +
                $"**{Report.N(events.PerSecond)} events/s** (one in {replayEvery} a replay), p50 {Report.N(events.Latency.P50, "0.0")} ms, p99 {Report.N(events.Latency.P99, "0.0")} ms, " +
                $"errors {events.Errors}; /health {Report.N(health.PerSecond)} req/s, ratio {Report.N(ratio, "0.000")}; " +
                $"CPU during the events: server {Report.N(events.Cpu.ServerCores ?? 0, "0.00")}, load generator {Report.N(events.Cpu.LoadGeneratorCores ?? 0, "0.00")}, " +
                $"other processes {Report.N(events.Cpu.OtherCores, "0.00")} of {Environment.ProcessorCount} cores; after the stop: {check}; " +
                $"VmHWM {Report.Mb(peakKb)}; target (1,000 events/s) {(met ? "met" : "not met")}.";
            Console.WriteLine(note);
            Console.WriteLine(row);
            if (update)
            {
                var readme = Path.Combine(repoRoot, "bench", "README.md");
                var text = Readme.ReplaceRow(await File.ReadAllTextAsync(readme, ct), Name, row);
                text = Readme.ReplaceBlock(text, Name, "note", note);
                await File.WriteAllTextAsync(readme, text, ct);
                Console.WriteLine($"  updated {readme}");
            }
            return met ? 0 : 1;
        }
        catch
        {
            Console.Error.WriteLine($"server log: {server.LogPath}\n{server.Tail()}");
            throw;
        }
        finally
        {
            if (keep)
            {
                Console.WriteLine($"  data and server log kept in {data}");
            }
            else
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
    }

    private static string PaymentWebhooks(Guid organizationId) => $"payments/stripe/webhooks/{organizationId}";

    /// <summary>Enables Stripe with the bench's signing secret through the settings page; returns the organization's id.</summary>
    private static async Task<Guid> ConfigureStripeAsync(Uri baseAddress, CancellationToken ct)
    {
        using var admin = await AdminSession.SignInAsync(baseAddress, ct);
        await AdminSession.PostAsync(admin, "admin/settings/payments", "admin/settings/payments?provider=stripe", new()
        {
            ["Input.Enabled"] = "true",
            ["Input.Secret"] = "sk_test_relais_bench",
            ["Input.WebhookSecret"] = Secret,
        }, ct);
        var page = await admin.GetStringAsync("admin/settings/payments", ct);
        var match = WebhookPathPattern().Match(page);
        return match.Success ? Guid.Parse(match.Groups[1].Value) : throw new InvalidOperationException("The payments settings page shows no Stripe webhook URL.");
    }

    /// <summary>Pending Stripe donations of demo supporters to the organization's first fundraiser, as the donate page leaves them.</summary>
    private static async Task<(Fundraiser Fundraiser, Donation[] Donations)> SeedAsync(
        DbContextOptions<RelaisDb> options, Guid organizationId, int count, CancellationToken ct)
    {
        await using var db = new RelaisDb(options);
        var fundraiser = await db.Fundraisers.AsNoTracking().Where(f => f.OrganizationId == organizationId)
            .OrderBy(f => f.CreatedAt).FirstAsync(ct);
        var supporters = await db.Supporters.Where(s => s.OrganizationId == organizationId && s.ErasedAt == null)
            .Select(s => s.Id).Take(5_000).ToListAsync(ct);
        var random = new Random(6);
        var donations = Enumerable.Range(0, count).Select(i => new Donation
        {
            OrganizationId = organizationId,
            FundraiserId = fundraiser.Id,
            CampaignId = fundraiser.CampaignId,
            SupporterId = supporters[random.Next(supporters.Count)],
            AmountMinor = (random.Next(4) == 0 ? 2_500 : 1_000) + random.Next(100),
            Currency = fundraiser.Currency,
            Provider = PaymentProviders.Stripe,
            ProviderReference = "cs_bench_" + i.ToString(CultureInfo.InvariantCulture),
            IdempotencyKey = "bench-webhook-" + i.ToString(CultureInfo.InvariantCulture),
            Source = "bench",
        }).ToArray();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await BulkRows.InsertAsync(db, donations, ct);
        await transaction.CommitAsync(ct);
        return (fundraiser, donations);
    }

    /// <summary>What the fundraiser's entries have on the main boards of the demo's live contests.</summary>
    private static async Task<long> ContestMainBoardMinorAsync(DbContextOptions<RelaisDb> options, Guid fundraiserId, CancellationToken ct)
    {
        await using var db = new RelaisDb(options);
        var entries = db.ContestEntries.Where(e => e.FundraiserId == fundraiserId).Select(e => e.Id);
        var amounts = await db.ContestTallies.Where(t => t.Board == Contests.ContestBoard.Main && entries.Contains(t.EntryId)).Select(t => t.AmountMinor).ToListAsync(ct);
        return amounts.Sum();
    }

    private static async Task<int> CountReceiptEmailsAsync(DbContextOptions<RelaisDb> options, CancellationToken ct)
    {
        await using var db = new RelaisDb(options);
        return await db.Set<OutboxMessage>().CountAsync(m => m.Kind == DonationReceiptMessage.Kind, ct);
    }

    /// <summary>
    /// The deliveries of the run, shared by every client: the next new event, or now and then a
    /// replay of one already acknowledged, with what was acknowledged kept for the final check.
    /// </summary>
    private sealed class Deliveries(Donation[] donations, int replayEvery)
    {
        private readonly int[] _acknowledged = new int[donations.Length];
        private int _next = -1;
        private long _sent;
        private long _moved;
        private long _movedMinor;
        private long _replays;

        public bool Exhausted => Volatile.Read(ref _next) >= donations.Length;
        public long Moved => Interlocked.Read(ref _moved);
        public long MovedMinor => Interlocked.Read(ref _movedMinor);
        public long Replays => Interlocked.Read(ref _replays);

        public async Task<bool> SendAsync(HttpClient client, string path, CancellationToken ct)
        {
            var sent = Interlocked.Increment(ref _sent);
            // A replay is of an event sent long enough ago (a thousand deliveries) to have been answered.
            if (replayEvery > 0 && sent % replayEvery == 0)
            {
                var old = Math.Min(Volatile.Read(ref _next), donations.Length - 1) - 1_000 - (int)(sent % 1_000);
                if (old >= 0 && Volatile.Read(ref _acknowledged[old]) == 1)
                {
                    var replayed = await PostAsync(client, path, old, ct) == "already handled";
                    if (replayed)
                    {
                        Interlocked.Increment(ref _replays);
                    }
                    return replayed;
                }
            }
            var index = Interlocked.Increment(ref _next);
            if (index >= donations.Length)
            {
                return false;
            }
            if (await PostAsync(client, path, index, ct) != "ok")
            {
                return false;
            }
            Volatile.Write(ref _acknowledged[index], 1);
            Interlocked.Increment(ref _moved);
            Interlocked.Add(ref _movedMinor, donations[index].AmountMinor);
            return true;
        }

        private async Task<string?> PostAsync(HttpClient client, string path, int index, CancellationToken ct)
        {
            var body = Encoding.UTF8.GetBytes(EventFor(index));
            using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new ByteArrayContent(body) };
            request.Content.Headers.ContentType = new("application/json") { CharSet = "utf-8" };
            request.Headers.TryAddWithoutValidation(StripeSignature.Header,
                StripeSignature.HeaderFor(DateTimeOffset.UtcNow.ToUnixTimeSeconds(), body, Secret));
            using var response = await client.SendAsync(request, ct);
            return response.StatusCode == HttpStatusCode.OK ? await response.Content.ReadAsStringAsync(ct) : null;
        }

        /// <summary>What Stripe sends when a Checkout Session is paid, trimmed to the fields Relais reads plus a few it does not.</summary>
        private string EventFor(int index)
        {
            var donation = donations[index];
            var i = index.ToString(CultureInfo.InvariantCulture);
            return "{\"id\":\"evt_bench_" + i + "\",\"object\":\"event\",\"api_version\":\"2025-09-30\",\"livemode\":false,\"type\":\"checkout.session.completed\"," +
                "\"data\":{\"object\":{\"id\":\"" + donation.ProviderReference + "\",\"object\":\"checkout.session\",\"mode\":\"payment\",\"status\":\"complete\"," +
                "\"payment_status\":\"paid\",\"amount_total\":" + donation.AmountMinor.ToString(CultureInfo.InvariantCulture) +
                ",\"currency\":\"" + donation.Currency.ToLowerInvariant() + "\",\"client_reference_id\":\"" + donation.Id + "\"," +
                "\"metadata\":{\"" + PaymentNotification.DonationIdKey + "\":\"" + donation.Id + "\"}}}}";
        }
    }

    private sealed record Check(bool Consistent, string Text)
    {
        public override string ToString() => Text;
    }

    /// <summary>
    /// After the stop: exactly the acknowledged donations succeeded, once each, the totals and the
    /// contest board moved by exactly their sum, and the donor count equals a recount.
    /// </summary>
    private static async Task<Check> CheckAsync(
        DbContextOptions<RelaisDb> options, Fundraiser before, Deliveries deliveries, int receiptsBefore, long contestBefore, CancellationToken ct)
    {
        await using var db = new RelaisDb(options);
        var benchDonations = db.Donations.Where(d => d.FundraiserId == before.Id && d.Source == "bench");
        var succeeded = await benchDonations.CountAsync(d => d.Status == DonationStatus.Succeeded, ct);
        var events = await db.PaymentEvents.CountAsync(e => e.Provider == PaymentProviders.Stripe && e.EventId.StartsWith("evt_bench_"), ct);
        var activities = await db.Activities.CountAsync(a => a.Type == ActivityType.Donated && a.Source == "bench" && a.ActionId == before.Id, ct);
        var receipts = await db.Set<OutboxMessage>().CountAsync(m => m.Kind == DonationReceiptMessage.Kind, ct) - receiptsBefore;
        var after = await db.Fundraisers.AsNoTracking().SingleAsync(f => f.Id == before.Id, ct);
        var raised = after.RaisedMinor - before.RaisedMinor;
        var counted = after.DonationCount - before.DonationCount;
        var donors = await db.Donations.Where(d => d.FundraiserId == before.Id && d.Status == DonationStatus.Succeeded).Select(d => d.SupporterId).Distinct().CountAsync(ct);
        var contest = await ContestMainBoardMinorAsync(options, before.Id, ct) - contestBefore;
        var moved = deliveries.Moved;
        var consistent = succeeded == moved && events == moved && activities == moved && receipts == moved
            && raised == deliveries.MovedMinor && counted == moved && donors == after.DonorCount && contest == deliveries.MovedMinor;
        return new Check(consistent,
            $"{moved:N0} events acknowledged as settling a donation and {deliveries.Replays:N0} replays answered \"already handled\"; " +
            $"stored: {succeeded:N0} succeeded donations, {events:N0} event rows, {activities:N0} Donated activities, {receipts:N0} receipt emails, " +
            $"fundraiser +{counted:N0} donations and +{raised / 100.0:N2} {after.Currency} (acknowledged {deliveries.MovedMinor / 100.0:N2}), " +
            $"{after.DonorCount:N0} donors (recount {donors:N0}), contest main board +{contest / 100.0:N2}: " +
            (consistent ? "consistent" : "INCONSISTENT"));
    }
}
