using PdfSharp.Drawing;
using PdfSharp.Pdf;
using Relais.Receipts;

namespace Relais.Web.Receipts;

/// <summary>Draws a tax receipt (Cerfa 11580 fields) on one A4 page with PDFsharp.</summary>
public static class TaxReceiptPdf
{
    private const double Margin = 50;
    private static readonly XFont Title = Font(14, bold: true);
    private static readonly XFont Heading = Font(11, bold: true);
    private static readonly XFont Body = Font(9.5, bold: false);
    private static readonly XFont Strong = Font(9.5, bold: true);

    public static byte[] Render(TaxReceiptDocument receipt)
    {
        using var document = new PdfDocument();
        document.Info.Title = "Reçu fiscal " + receipt.Number;
        document.Info.Author = receipt.BeneficiaryName;
        var page = document.AddPage();
        page.Size = PdfSharp.PageSize.A4;
        using (var gfx = XGraphics.FromPdfPage(page))
        {
            var writer = new Writer(gfx, page.Width.Point - 2 * Margin);
            writer.Line("Reçu au titre des dons à certains organismes d'intérêt général", Title);
            writer.Line("Articles 200, 238 bis et 978 du code général des impôts (Cerfa n° 11580)", Body);
            writer.Gap(6);
            writer.Line("Numéro d'ordre du reçu : " + receipt.Number, Strong);
            writer.Gap(10);

            writer.Line("Bénéficiaire des versements", Heading);
            writer.Wrapped("Nom ou dénomination : " + receipt.BeneficiaryName, Body);
            writer.Wrapped("Adresse : " + string.Join(", ", receipt.BeneficiaryAddress.Where(l => l.Length > 0)), Body);
            writer.Wrapped("Objet : " + receipt.BeneficiaryPurpose, Body);
            foreach (var check in receipt.BeneficiaryStatus)
            {
                writer.Check(check);
            }
            if (receipt.StatusDetail is { } detail)
            {
                writer.Wrapped("Précision : " + detail, Body);
            }
            writer.Gap(10);

            writer.Line("Donateur", Heading);
            writer.Wrapped("Nom : " + receipt.DonorName, Body);
            writer.Wrapped("Adresse : " + string.Join(", ", receipt.DonorAddress.Where(l => l.Length > 0)), Body);
            writer.Gap(10);

            writer.Wrapped("Le bénéficiaire reconnaît avoir reçu au titre des dons et versements ouvrant droit à réduction d'impôt, la somme de :", Body);
            writer.Line("Montant en chiffres : " + receipt.AmountInFigures, Strong);
            writer.Wrapped("Somme en toutes lettres : " + receipt.AmountInWords, Strong);
            writer.Line("Date(s) du versement : " + receipt.PaymentDates, Body);
            writer.Gap(6);
            writer.Wrapped("Le bénéficiaire certifie sur l'honneur que les dons et versements qu'il reçoit ouvrent droit à la réduction d'impôt prévue à l'article :", Body);
            writer.Row(receipt.Articles);
            writer.Gap(4);
            writer.Line("Forme du don :", Heading);
            writer.Row(receipt.Form);
            writer.Line("Nature du don :", Heading);
            writer.Row(receipt.Nature);
            writer.Line("Mode de versement du don :", Heading);
            writer.Row(receipt.Modes);
            writer.Gap(16);
            writer.Line(receipt.PlaceAndDate, Body);
            writer.Line("Signature : " + receipt.Signatory, Body);
        }
        using var output = new MemoryStream();
        document.Save(output, closeStream: false);
        return output.ToArray();
    }

    private static XFont Font(double size, bool bold)
    {
        DebianFonts.Install();
        return new XFont(DebianFonts.Family, size, bold ? XFontStyleEx.Bold : XFontStyleEx.Regular);
    }

    /// <summary>Writes lines down the page, wrapping long ones at spaces.</summary>
    private sealed class Writer(XGraphics gfx, double width)
    {
        private double _y = Margin;

        public void Gap(double points) => _y += points;

        public void Line(string text, XFont font)
        {
            gfx.DrawString(text, font, XBrushes.Black, new XRect(Margin, _y, width, font.Height), XStringFormats.TopLeft);
            _y += font.Height * 1.25;
        }

        public void Wrapped(string text, XFont font)
        {
            var line = "";
            foreach (var word in text.Split(' '))
            {
                var candidate = line.Length == 0 ? word : line + " " + word;
                if (line.Length > 0 && gfx.MeasureString(candidate, font).Width > width)
                {
                    Line(line, font);
                    line = word;
                }
                else
                {
                    line = candidate;
                }
            }
            if (line.Length > 0)
            {
                Line(line, font);
            }
        }

        public void Check(CerfaCheck check) => Wrapped(Box(check) + " " + check.Label, Body);

        public void Row(IEnumerable<CerfaCheck> checks) => Wrapped(string.Join("    ", checks.Select(c => Box(c) + " " + c.Label)), Body);

        private static string Box(CerfaCheck check) => check.Checked ? "☒" : "☐";
    }
}
