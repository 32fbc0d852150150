using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Microsoft.EntityFrameworkCore;
using Relais.Outbox;

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

        var message = await Mailbox.WaitForAsync(Path.Combine(host.DataFolder, "mail"), email);
        Assert.EndsWith(".eml", Directory.GetFiles(Path.Combine(host.DataFolder, "mail")).Single());
        Assert.Contains("préférences", message.Subject);
        Assert.StartsWith("/preferences/", message.LinkPath("/preferences/"));
    }
}

public sealed class PickupFolderOnSqlite(SqliteHost host) : PickupFolderTests(host), IClassFixture<SqliteHost>;

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
            var message = await Mailbox.WaitForAsync(Path.Combine(maildir, "new"), email, TimeSpan.FromSeconds(60));
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
            var message = await _host.Data.QueryAsync(db => db.OutboxMessages.AsNoTracking().SingleOrDefaultAsync(m => m.OrganizationId == organizationId));
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
