using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;

namespace Relais.Web.Hosting;

/// <summary>
/// CSV that French Excel opens correctly: UTF-8 with a BOM, semicolons, and cells that look like
/// formulas escaped so that a hostile value never runs in the organizer's spreadsheet.
/// </summary>
public static class ExcelCsv
{
    private static readonly CsvConfiguration Configuration = new(CultureInfo.InvariantCulture)
    {
        Delimiter = ";",
        InjectionOptions = InjectionOptions.Escape,
    };

    /// <summary>A writer onto <paramref name="body"/>; disposing it flushes and releases the stream writer.</summary>
    public static CsvWriter Create(Stream body) =>
        new(new StreamWriter(body, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true)), Configuration);
}
