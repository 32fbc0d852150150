using System.ComponentModel.DataAnnotations;

namespace Relais.Web.Live;

/// <summary>How live counters pace their events (Relais:Live).</summary>
public sealed class LiveOptions
{
    public const string Section = "Relais:Live";

    /// <summary>The shortest time between two events of one petition: bursts become one event.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:00:10")]
    public TimeSpan MinInterval { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>A comment is sent on a stream idle for this long, so that proxies keep it open.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan Heartbeat { get; set; } = TimeSpan.FromSeconds(20);
}
