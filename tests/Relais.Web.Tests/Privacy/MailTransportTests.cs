using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Relais.Outbox;
using Relais.Supporters;

namespace Relais.Web.Tests.Privacy;

/// <summary>Without an SMTP host, emails land as .eml files in the data folder.</summary>
public abstract class PickupFolderTests(RelaisHost host)
{
    [Fact]
    public async Task AskForLink_NoSmtpHost_WritesAnEmlFileInTheDataFolder()
    {
        host.SkipIfUnavailable();
        var organization = await host.Data.OrganizationAsync();
        var campaign = await host.Data.CampaignAsync(organization.Id);
        var email = Mailbox.UniqueAddress("laptop");
        await host.Browser("fr").SignAsync(campaign.Slug, Forms.Signature(email));

        await host.Browser("fr").AskForLinkAsync(organization.Slug, email, "preferences");

        var message = await Mailbox.WaitForAsync(Path.Combine(host.DataFolder, "mail"), email, "/preferences/");
        Assert.All(Directory.GetFiles(Path.Combine(host.DataFolder, "mail")), file => Assert.EndsWith(".eml", file));
        Assert.Contains("préférences", message.Subject);
        Assert.StartsWith("/preferences/", message.LinkPath("/preferences/"));
    }

    [Fact]
    public async Task Outbox_ProcessorsRacingWithAFailingMessage_SendEachEmailOnceAndGoOn()
    {
        host.SkipIfUnavailable();
        var organization = await host.Data.OrganizationAsync();
        var now = DateTimeOffset.UtcNow;
        var supporters = Enumerable.Range(0, 30)
            .Select(i => new Supporter { OrganizationId = organization.Id, Email = $"race-{i}-{organization.Slug}@example.org", NormalizedEmail = $"race-{i}-{organization.Slug}@example.org" })
            .ToList();
        await host.Data.QueryAsync(db =>
        {
            db.Supporters.AddRange(supporters);
            // The oldest message has no handler: it must fail alone.
            db.OutboxMessages.Add(new OutboxMessage { OrganizationId = organization.Id, Kind = "no.such-kind", Payload = "{}", NextAttemptAt = now.AddSeconds(-1) });
            db.OutboxMessages.AddRange(supporters.Select(s => new OutboxMessage
            {
                OrganizationId = organization.Id,
                Kind = OutboxKinds.PreferencesLink,
                Payload = JsonSerializer.Serialize(new SupporterMessage(s.Id, "en")),
                NextAttemptAt = now,
            }));
            return db.SaveChangesAsync();
        });
        var second = ActivatorUtilities.CreateInstance<OutboxProcessor>(host.Services);
        var third = ActivatorUtilities.CreateInstance<OutboxProcessor>(host.Services);

        await Task.WhenAll(second.RunDueAsync(CancellationToken.None), third.RunDueAsync(CancellationToken.None));

        var folder = Path.Combine(host.DataFolder, "mail");
        foreach (var supporter in supporters)
        {
            await Mailbox.WaitForAsync(folder, supporter.Email);
        }
        var messages = await host.Data.QueryAsync(db => db.OutboxMessages.AsNoTracking().Where(m => m.OrganizationId == organization.Id).ToListAsync());
        var failing = messages.Single(m => m.Kind == "no.such-kind");
        Assert.Null(failing.CompletedAt);
        Assert.Contains("No handler", failing.LastError);
        Assert.All(messages.Where(m => m.Kind == OutboxKinds.PreferencesLink), m => Assert.Equal((1, null), (m.Attempts, m.LastError)));
        Assert.All(supporters, s => Assert.Equal(1, Mailbox.Count(folder, s.Email)));
        Assert.Equal(30, await host.Data.QueryAsync(db => db.SupporterTokens.CountAsync(t => t.OrganizationId == organization.Id)));
    }
}

public sealed class PickupFolderOnSqlite(SqliteHost host) : PickupFolderTests(host), IClassFixture<SqliteHost>;

public sealed class PickupFolderOnPostgres(PostgresHost host) : PickupFolderTests(host), IClassFixture<PostgresHost>;

/// <summary>An SMTP server that is down: the outbox records the failure, backs off, and delivers once it is up.</summary>
public abstract class OutboxRetryTests
{
    private readonly RelaisHost _host;
    private readonly int _port;

    protected OutboxRetryTests(RelaisHost host, PortReservation port)
    {
        _host = host;
        _port = port.Port;
        host.Set("Relais:Smtp:Host", "127.0.0.1");
        host.Set("Relais:Smtp:Port", _port.ToString());
        host.Set("Relais:Smtp:TimeoutSeconds", "5");
        host.Set("Relais:Outbox:PollMilliseconds", "100");
        host.Set("Relais:Outbox:FirstRetrySeconds", "1");
        host.Set("Relais:Outbox:MaxRetryMinutes", "1");
    }

    [Fact]
    public async Task Confirmation_SmtpDownThenUp_RetriedAndDelivered()
    {
        _host.SkipIfUnavailable();
        Mailbox.SkipIfUnavailable();
        var organization = await _host.Data.OrganizationAsync();
        await _host.Data.RequireDoubleOptInAsync(organization.Id);
        var campaign = await _host.Data.CampaignAsync(organization.Id);
        var email = Mailbox.UniqueAddress("retry");

        await _host.Browser().SignAsync(campaign.Slug, Forms.Signature(email).WithEmailUpdates());

        var failed = await WaitForAsync(m => m.Attempts >= 1 && m.LastError != null, organization.Id);
        Assert.Null(failed.CompletedAt);
        Assert.True(failed.NextAttemptAt > failed.CreatedAt);
        var maildir = Directory.CreateTempSubdirectory("relais-maildir-").FullName;
        foreach (var sub in new[] { "tmp", "new", "cur" })
        {
            Directory.CreateDirectory(Path.Combine(maildir, sub));
        }
        using var sink = Process.Start(new ProcessStartInfo("/usr/bin/python3",
            ["-m", "aiosmtpd", "-n", "-l", $"127.0.0.1:{_port}", "-c", "aiosmtpd.handlers.Mailbox", maildir])
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        })!;
        try
        {
            var message = await Mailbox.WaitForAsync(Path.Combine(maildir, "new"), email, "/confirm/", TimeSpan.FromSeconds(60));
            Assert.Contains("/confirm/", message.Text);
            var done = await WaitForAsync(m => m.CompletedAt != null, organization.Id);
            Assert.Null(done.LastError);
            Assert.True(done.Attempts >= 2);
            Assert.Equal(OutboxKinds.ConfirmSubscription, done.Kind);
        }
        finally
        {
            sink.Kill();
            await sink.WaitForExitAsync();
            Directory.Delete(maildir, recursive: true);
        }
    }

    private async Task<OutboxMessage> WaitForAsync(Func<OutboxMessage, bool> condition, Guid organizationId)
    {
        var deadline = DateTimeOffset.UtcNow.AddSeconds(60);
        while (true)
        {
            var message = await _host.Data.QueryAsync(db => db.OutboxMessages.AsNoTracking().SingleOrDefaultAsync(m => m.OrganizationId == organizationId && m.Kind == OutboxKinds.ConfirmSubscription));
            if (message is not null && condition(message))
            {
                return message;
            }
            Assert.True(DateTimeOffset.UtcNow < deadline, $"The outbox message did not get there: {message?.Attempts} attempts, {message?.LastError}");
            await Task.Delay(100);
        }
    }
}

/// <summary>A 127.0.0.1 port nobody listens on, for an SMTP server that is down.</summary>
public sealed class PortReservation
{
    public PortReservation()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        Port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
    }

    public int Port { get; }
}

public sealed class OutboxRetryOnSqlite(SqliteHost host, PortReservation port)
    : OutboxRetryTests(host, port), IClassFixture<SqliteHost>, IClassFixture<PortReservation>;

public sealed class OutboxRetryOnPostgres(PostgresHost host, PortReservation port)
    : OutboxRetryTests(host, port), IClassFixture<PostgresHost>, IClassFixture<PortReservation>;
