using System.Text;
using Relais.Imports;

namespace Relais.Core.Tests.Imports;

public class CsvSnifferTests
{
    static CsvSnifferTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    [Theory]
    [InlineData(new byte[] { 0xEF, 0xBB, 0xBF, (byte)'a' }, CsvSniffer.Utf8)]
    [InlineData(new byte[] { 0xFF, 0xFE, (byte)'a', 0 }, CsvSniffer.Utf16)]
    [InlineData(new byte[] { 0xFE, 0xFF, 0, (byte)'a' }, CsvSniffer.Utf16BigEndian)]
    public void DetectEncoding_ByteOrderMark_NamesIt(byte[] bytes, string expected) =>
        Assert.Equal(expected, CsvSniffer.DetectEncoding(new MemoryStream(bytes)));

    [Fact]
    public void DetectEncoding_ValidUtf8WithoutBom_Utf8() =>
        Assert.Equal(CsvSniffer.Utf8, CsvSniffer.DetectEncoding(new MemoryStream(Encoding.UTF8.GetBytes("prénom;nom\nÉlodie;Hélène\n"))));

    [Fact]
    public void DetectEncoding_Windows1252Accents_Windows1252() =>
        Assert.Equal(CsvSniffer.Windows1252, CsvSniffer.DetectEncoding(new MemoryStream(Encoding.GetEncoding(1252).GetBytes("prénom;nom\nÉlodie;Hélène\n"))));

    [Fact]
    public void DetectEncoding_Windows1252AccentFarIntoTheFile_StillWindows1252()
    {
        var text = "email;nom\n" + string.Concat(Enumerable.Range(0, 20_000).Select(i => $"p{i}@example.org;Martin\n")) + "x@example.org;Hélène\n";
        Assert.Equal(CsvSniffer.Windows1252, CsvSniffer.DetectEncoding(new MemoryStream(Encoding.GetEncoding(1252).GetBytes(text))));
    }

    [Theory]
    [InlineData("email;prénom;nom\na@b.org;x;y", ';')]
    [InlineData("email,first name,last name", ',')]
    [InlineData("email\tfirst\tlast", '\t')]
    [InlineData("email|first|last", '|')]
    [InlineData("\"nom, prénom\";email;ville", ';')]
    [InlineData("email", ',')]
    public void DetectDelimiter_HeaderLine_MostFrequentSeparatorOutsideQuotes(string text, char expected) =>
        Assert.Equal(expected, CsvSniffer.DetectDelimiter(text));

    [Fact]
    public void LooksBinary_NulBytes_True() =>
        Assert.True(CsvSniffer.LooksBinary(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G', 0, 0, 0, 13 }, CsvSniffer.Windows1252));

    [Fact]
    public void LooksBinary_Text_False() =>
        Assert.False(CsvSniffer.LooksBinary("email;nom\r\na@b.org;Ana\r\n"u8, CsvSniffer.Utf8));
}
