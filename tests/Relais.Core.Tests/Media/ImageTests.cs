using System.Text;
using Relais.Media;

namespace Relais.Core.Tests.Media;

public class ImageTests
{
    private static readonly byte[] Png =
    [
        0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A,
        0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52,
    ];

    [Fact]
    public void SniffContentType_PngSignature_GivesPng() =>
        Assert.Equal("image/png", Image.SniffContentType(Png));

    [Theory]
    [InlineData(new byte[] { 0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, 0x4A, 0x46, 0x49, 0x46, 0x00 })]
    [InlineData(new byte[] { 0xFF, 0xD8, 0xFF, 0xE1, 0x2F, 0xFE, 0x45, 0x78, 0x69, 0x66 })]
    public void SniffContentType_JpegSignature_GivesJpeg(byte[] head) =>
        Assert.Equal("image/jpeg", Image.SniffContentType(head));

    [Theory]
    [InlineData("GIF87a")]
    [InlineData("GIF89a")]
    public void SniffContentType_GifSignature_GivesGif(string signature) =>
        Assert.Equal("image/gif", Image.SniffContentType([.. Encoding.ASCII.GetBytes(signature), 0x01, 0x00, 0x01, 0x00]));

    [Fact]
    public void SniffContentType_WebpSignature_GivesWebp() =>
        Assert.Equal("image/webp", Image.SniffContentType([.. "RIFF"u8, 0x24, 0x00, 0x00, 0x00, .. "WEBPVP8 "u8]));

    [Fact]
    public void SniffContentType_RiffWave_GivesNull() =>
        Assert.Null(Image.SniffContentType([.. "RIFF"u8, 0x24, 0x00, 0x00, 0x00, .. "WAVEfmt "u8]));

    [Fact]
    public void SniffContentType_RiffTruncated_GivesNull() =>
        Assert.Null(Image.SniffContentType([.. "RIFF"u8, 0x24, 0x00, 0x00, 0x00, .. "WEB"u8]));

    [Theory]
    [InlineData("Bonjour, ceci est un texte.")]
    [InlineData("<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>")]
    [InlineData("<?xml version=\"1.0\"?><svg></svg>")]
    [InlineData("<html><body>GIF89a</body></html>")]
    [InlineData("%PDF-1.7")]
    [InlineData("GIF8")]
    public void SniffContentType_NotAnImage_GivesNull(string text) =>
        Assert.Null(Image.SniffContentType(Encoding.UTF8.GetBytes(text)));

    [Theory]
    [InlineData(1)]
    [InlineData(4)]
    [InlineData(7)]
    public void SniffContentType_TruncatedPngSignature_GivesNull(int length) =>
        Assert.Null(Image.SniffContentType(Png.AsSpan(0, length)));

    [Fact]
    public void SniffContentType_JpegTruncated_GivesNull() =>
        Assert.Null(Image.SniffContentType([0xFF, 0xD8]));

    [Fact]
    public void SniffContentType_Empty_GivesNull() => Assert.Null(Image.SniffContentType([]));
}
