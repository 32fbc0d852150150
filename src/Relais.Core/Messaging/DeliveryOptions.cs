using System.ComponentModel.DataAnnotations;

namespace Relais.Messaging;

/// <summary>Settings under "Relais:Delivery" (the bulk sender), plus the SMTP limits it honours.</summary>
public sealed class DeliveryOptions
{
    public const string Section = "Relais:Delivery";

    /// <summary>Rows claimed at once; their merge values load together.</summary>
    [Range(1, 10_000)]
    public int BatchSize { get; set; } = 200;

    /// <summary>How long a claim holds before another sender may take the rows (a dead process's claims expire).</summary>
    [Range(1, 3_600)]
    public int LeaseSeconds { get; set; } = 120;

    [Range(20, 60_000)]
    public int PollMilliseconds { get; set; } = 1_000;

    /// <summary>The time zone of the organizers' schedule field (a local date and time).</summary>
    public string TimeZone { get; set; } = "Europe/Paris";

    /// <summary>"Relais:Smtp:MaxConnections": SMTP connections a node keeps open for a send.</summary>
    public int MaxConnections { get; set; } = 8;

    /// <summary>"Relais:Smtp:MessagesPerSecond": 0 means no limit.</summary>
    public double MessagesPerSecond { get; set; }

    public TimeZoneInfo Zone => TimeZoneInfo.TryFindSystemTimeZoneById(TimeZone, out var zone) ? zone : TimeZoneInfo.Utc;
}
