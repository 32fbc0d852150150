using System.ComponentModel.DataAnnotations;

namespace Relais.Web.Relays;

/// <summary>Settings under "Relais:Relays" (env: Relais__Relays__ClicksPerMinutePerClient).</summary>
public sealed class RelaysOptions
{
    public const string Section = "Relais:Relays";

    /// <summary>Clicks counted per client address and minute; beyond, links still lead on but count nothing.</summary>
    [Range(1, 1_000_000_000)]
    public int ClicksPerMinutePerClient { get; set; } = 30;

    /// <summary>How long a visitor's browser remembers the relay who brought them.</summary>
    [Range(1, 365)]
    public int RememberDays { get; set; } = 30;

    /// <summary>Clicks waiting in memory for the writer; beyond, new clicks are dropped (and logged), never waited on.</summary>
    [Range(1_000, 10_000_000)]
    public int BufferSize { get; set; } = 100_000;
}
