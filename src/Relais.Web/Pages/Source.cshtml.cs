using System.Reflection;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using Relais.Web.Hosting;

namespace Relais.Web.Pages;

/// <summary>The licence and the way to the source code, linked from every page's footer (AGPL §13).</summary>
public sealed class SourceModel(IOptions<SourceOptions> options) : PageModel
{
    private static readonly Lazy<string> LicenseText = new(() =>
    {
        using var stream = typeof(SourceModel).Assembly.GetManifestResourceStream("Relais.LICENSE")
            ?? throw new InvalidOperationException("The LICENSE file is not embedded in Relais.Web.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    });

    public string? SourceUrl => options.Value.SourceUrl;

    public string License => LicenseText.Value;

    public static string Version { get; } =
        typeof(SourceModel).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "";

    public void OnGet()
    {
    }
}
