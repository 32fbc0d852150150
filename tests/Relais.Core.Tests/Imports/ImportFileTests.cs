using System.Text;
using Relais.Imports;

namespace Relais.Core.Tests.Imports;

public sealed class ImportFileTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("relais-import-file-").FullName;

    static ImportFileTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string Write(byte[] bytes, string name = "file.csv")
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    [Fact]
    public void Analyze_FrenchExcelCsv_ReadsAccentsSeparatorAndQuotedNewline()
    {
        var text = "Courriel;Prénom;Nom;Ville\r\nelodie@example.org;Élodie;Dupont;\"Saint-Étienne\r\ncentre\"\r\nhelene@example.org;Hélène;Martin;Lyon\r\n";
        var path = Write(Encoding.GetEncoding(1252).GetBytes(text));

        var analysis = ImportFile.Analyze(path, ImportFile.Csv);

        Assert.Null(analysis.Problem);
        Assert.Equal((CsvSniffer.Windows1252, ";", 2), (analysis.Encoding, analysis.Delimiter, analysis.TotalRows));
        Assert.Equal(["Courriel", "Prénom", "Nom", "Ville"], analysis.Header);
        Assert.Equal("Élodie", analysis.Sample[0][1]);
        Assert.Equal("Saint-Étienne\r\ncentre", analysis.Sample[0][3]);
        Assert.Equal("Hélène", analysis.Sample[1][1]);
    }

    [Fact]
    public void Analyze_Utf8WithBom_HeaderWithoutBom()
    {
        var path = Write([.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes("email,prénom\na@b.org,Zoé\n")]);

        var analysis = ImportFile.Analyze(path, ImportFile.Csv);

        Assert.Equal(("email", "Zoé", ","), (analysis.Header[0], analysis.Sample[0][1], analysis.Delimiter));
    }

    [Fact]
    public void Analyze_Utf16WithBom_Read()
    {
        var path = Write([.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes("email\tprénom\r\na@b.org\tZoé\r\n")]);

        var analysis = ImportFile.Analyze(path, ImportFile.Csv);

        Assert.Equal((CsvSniffer.Utf16, "\t", "Zoé"), (analysis.Encoding, analysis.Delimiter, analysis.Sample[0][1]));
    }

    [Fact]
    public void Analyze_EmptyFile_Empty() =>
        Assert.Equal(ImportMessages.Empty, ImportFile.Analyze(Write([]), ImportFile.Csv).Problem?.MessageKey);

    [Fact]
    public void Analyze_HeaderOnly_NoRows() =>
        Assert.Equal(ImportMessages.NoRows, ImportFile.Analyze(Write("email;nom\r\n\r\n;\r\n"u8.ToArray()), ImportFile.Csv).Problem?.MessageKey);

    [Fact]
    public void Analyze_OnlyBlankLines_NoHeader() =>
        Assert.Equal(ImportMessages.NoHeader, ImportFile.Analyze(Write("\r\n\r\n ; \r\n"u8.ToArray()), ImportFile.Csv).Problem?.MessageKey);

    [Fact]
    public void Analyze_DataWithoutHeader_NoHeader() =>
        Assert.Equal(ImportMessages.NoHeader, ImportFile.Analyze(Write("ana@example.org;Ana\r\nbob@example.org;Bob\r\n"u8.ToArray()), ImportFile.Csv).Problem?.MessageKey);

    [Fact]
    public void Analyze_BinaryGarbage_Unreadable()
    {
        var garbage = new byte[4096];
        new Random(3).NextBytes(garbage);
        Assert.Equal(ImportMessages.Unreadable, ImportFile.Analyze(Write(garbage), ImportFile.Csv).Problem?.MessageKey);
    }

    [Fact]
    public void Analyze_XlsxThatIsNotAZip_Unreadable() =>
        Assert.Equal(ImportMessages.Unreadable, ImportFile.Analyze(Write("email\na@b.org\n"u8.ToArray(), "f.xlsx"), ImportFile.Xlsx).Problem?.MessageKey);

    [Theory]
    [InlineData("people.CSV", ImportFile.Csv)]
    [InlineData("people.xlsx", ImportFile.Xlsx)]
    [InlineData("people.xls", null)]
    [InlineData("people.pdf", null)]
    public void FormatOf_Extension(string name, string? expected) => Assert.Equal(expected, ImportFile.FormatOf(name));
}
