using PdfSharp.Fonts;

namespace Relais.Web.Receipts;

/// <summary>
/// Gives PDFsharp the DejaVu Sans font from Debian's fonts-dejavu-core package (PDFsharp finds no
/// system font on Linux by itself). DejaVu covers French, the € sign and the ☐/☒ boxes of the
/// Cerfa. scripts/test.sh installs the package; so must any machine that serves receipts.
/// </summary>
internal sealed class DebianFonts : IFontResolver
{
    public const string Family = "DejaVu Sans";
    private const string Regular = "DejaVuSans";
    private const string Bold = "DejaVuSans-Bold";

    private static readonly string[] Folders =
    [
        "/usr/share/fonts/truetype/dejavu",
        "/usr/share/fonts/dejavu",
        "/usr/share/fonts/TTF",
    ];

    private static readonly Lock Gate = new();
    private static bool _installed;

    /// <summary>Sets the resolver once per process (PDFsharp refuses to change it after the first font).</summary>
    public static void Install()
    {
        lock (Gate)
        {
            if (_installed)
            {
                return;
            }
            GlobalFontSettings.FontResolver ??= new DebianFonts();
            _installed = true;
        }
    }

    public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic) =>
        new(bold ? Bold : Regular);

    public byte[]? GetFont(string faceName)
    {
        foreach (var folder in Folders)
        {
            var path = Path.Combine(folder, faceName + ".ttf");
            if (File.Exists(path))
            {
                return File.ReadAllBytes(path);
            }
        }
        throw new FileNotFoundException(
            $"The font {faceName}.ttf is missing: install Debian's fonts-dejavu-core package (apt-get install fonts-dejavu-core) to make PDF receipts.");
    }
}
