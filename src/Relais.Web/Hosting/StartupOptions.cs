using System.ComponentModel.DataAnnotations;

namespace Relais.Web.Hosting;

/// <summary>What happens when Relais starts on an empty database ("Relais:Startup").</summary>
public sealed class StartupOptions
{
    public const string Section = "Relais:Startup";

    /// <summary>Apply pending migrations at start-up (turn off when a deploy step runs `relais migrate`).</summary>
    public bool Migrate { get; set; } = true;

    /// <summary>Load the demo organization when the database holds no organization yet.</summary>
    public bool SeedDemo { get; set; } = true;

    /// <summary>How many people sign each demo campaign.</summary>
    [Range(10, 1_000_000)]
    public int DemoSupportersPerCampaign { get; set; } = 4_000;

    /// <summary>The login of the first admin, created with a generated password when no member exists.</summary>
    [Required, EmailAddress]
    public string FirstAdminEmail { get; set; } = "admin@relais.localhost";
}
