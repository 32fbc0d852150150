namespace Relais.Demo;

/// <summary>What <see cref="DemoSeeder.SeedAsync"/> created, for the host's log and the CLI's summary.</summary>
public sealed record DemoResult(Guid OrganizationId, int Campaigns, int Supporters, int Signatures);
