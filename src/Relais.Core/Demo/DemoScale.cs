namespace Relais.Demo;

/// <summary>How much generated data the demo carries: each of its petitions gets this many signatures.</summary>
public sealed record DemoScale(int SupportersPerCampaign)
{
    /// <summary>Enough for charts and segments to look alive, small enough to seed in seconds on SQLite.</summary>
    public static DemoScale Default { get; } = new(4_000);
}
