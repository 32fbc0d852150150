using System.ComponentModel.DataAnnotations;

namespace Relais.Messaging;

/// <summary>
/// Settings under "Relais:Smtp" (env: Relais__Smtp__Host, …). Without a host, emails are written
/// as .eml files to a pickup folder under the data folder, so a laptop needs no mail server.
/// </summary>
public sealed class SmtpOptions
{
    public const string Section = "Relais:Smtp";

    /// <summary>The SMTP server; empty writes to <see cref="PickupFolder"/> instead.</summary>
    public string? Host { get; set; }

    /// <summary>25 or 587 (STARTTLS when <see cref="EnableSsl"/>), or 465 (TLS from the first byte).</summary>
    [Range(1, 65535)]
    public int Port { get; set; } = 25;

    [Required, EmailAddress]
    public string FromAddress { get; set; } = "relais@localhost";

    [Required, MaxLength(200)]
    public string FromName { get; set; } = "Relais";

    /// <summary>TLS: STARTTLS on port 25/587 (refused if the server does not offer it), implicit TLS on 465.</summary>
    public bool EnableSsl { get; set; }
    public string? UserName { get; set; }
    public string? Password { get; set; }

    [Range(1, 600)]
    public int TimeoutSeconds { get; set; } = 30;

    /// <summary>Where emails go without a host; default: "mail" in the data folder.</summary>
    public string? PickupFolder { get; set; }

    /// <summary>The most SMTP connections a bulk send opens at once.</summary>
    [Range(1, 100)]
    public int MaxConnections { get; set; } = 8;

    /// <summary>The most messages a bulk send hands over per second, over all its connections; 0: no limit.</summary>
    [Range(0, 100_000)]
    public int MessagesPerSecond { get; set; }
}

/// <summary>"Relais:PublicUrl": the address people reach Relais at, for the links in emails (never taken from a request's Host).</summary>
public sealed class PublicUrlOptions
{
    [Required, Url]
    public string PublicUrl { get; set; } = "http://localhost:5080";

    public string Link(string path) => PublicUrl.TrimEnd('/') + path;
}
