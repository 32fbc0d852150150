using System.ComponentModel.DataAnnotations;

namespace Relais.Web.Imports;

/// <summary>Settings under "Relais:Imports" (env: Relais__Imports__MaxUploadMegabytes).</summary>
public sealed class ImportOptions
{
    public const string Section = "Relais:Imports";

    /// <summary>The largest file an organizer may upload; a larger one is refused with 413.</summary>
    [Range(1, 4_000)]
    public int MaxUploadMegabytes { get; set; } = 200;

    public long MaxUploadBytes => MaxUploadMegabytes * 1024L * 1024L;
}
