using System.ComponentModel.DataAnnotations;

namespace Relais.Web.Hosting;

/// <summary>
/// Where visitors get the source of the Relais this server runs ("Relais:SourceUrl"). The AGPL
/// (section 13) asks whoever runs a modified Relais to offer its users that version's source: an
/// operator who changes the code points this at their own copy.
/// </summary>
public sealed class SourceOptions
{
    [Url]
    public string? SourceUrl { get; set; }
}
