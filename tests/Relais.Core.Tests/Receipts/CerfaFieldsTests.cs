using Relais.Receipts;

namespace Relais.Core.Tests.Receipts;

public sealed class CerfaFieldsTests
{
    private static readonly ReceiptSettings Settings = new()
    {
        TaxReceiptsEnabled = true,
        LegalName = "Association Relais",
        StreetAddress = "1 rue de la Paix",
        PostalCode = "75002",
        City = "Paris",
        Purpose = "Aider les nouveau-nés",
        Status = BeneficiaryStatus.GeneralInterest | BeneficiaryStatus.HelpForPeopleInNeed,
        Articles = TaxArticles.Article200 | TaxArticles.Article238Bis,
        SignatoryName = "Anna Berzina",
        SignatoryRole = "Présidente",
    };

    private static TaxReceipt Receipt(string modes, DateOnly first, DateOnly last, string? country = "FR") => new()
    {
        Year = 2025,
        Number = 42,
        DonorName = "Marie Curie",
        DonorStreetAddress = "11 rue Pierre et Marie Curie",
        DonorPostalCode = "75005",
        DonorCity = "Paris",
        DonorCountry = country,
        AmountMinor = 12_550,
        FirstPaidOn = first,
        LastPaidOn = last,
        PaymentModes = modes,
    };

    [Fact]
    public void For_SettingsAndReceipt_EveryCerfaField()
    {
        var document = CerfaFields.For(Settings, Receipt("Cheque,TransferDebitCard", new(2025, 3, 12), new(2025, 11, 20)), new DateOnly(2026, 1, 15));

        Assert.Equal("2025-00042", document.Number);
        Assert.Equal("Association Relais", document.BeneficiaryName);
        Assert.Equal(["1 rue de la Paix", "75002 Paris"], document.BeneficiaryAddress);
        Assert.Equal("Aider les nouveau-nés", document.BeneficiaryPurpose);
        Assert.Equal(
            ["Œuvre ou organisme d'intérêt général", "Association fournissant gratuitement une aide alimentaire ou des soins médicaux à des personnes en difficulté ou favorisant leur logement"],
            document.BeneficiaryStatus.Where(c => c.Checked).Select(c => c.Label));
        Assert.Equal("Marie Curie", document.DonorName);
        Assert.Equal(["11 rue Pierre et Marie Curie", "75005 Paris"], document.DonorAddress);
        Assert.Equal("125,50 €", System.Text.RegularExpressions.Regex.Replace(document.AmountInFigures, "\\s", " "));
        Assert.Equal("cent vingt-cinq euros et cinquante centimes", document.AmountInWords);
        Assert.Equal("du 12/03/2025 au 20/11/2025", document.PaymentDates);
        Assert.Equal(["200 du CGI", "238 bis du CGI"], document.Articles.Where(c => c.Checked).Select(c => c.Label));
        Assert.Equal(["Déclaration de don manuel"], document.Form.Where(c => c.Checked).Select(c => c.Label));
        Assert.Equal(["Numéraire"], document.Nature.Where(c => c.Checked).Select(c => c.Label));
        Assert.Equal(["Chèque", "Virement, prélèvement, carte bancaire"], document.Modes.Where(c => c.Checked).Select(c => c.Label));
        Assert.Equal("Paris, le 15/01/2026", document.PlaceAndDate);
        Assert.Equal("Anna Berzina, Présidente", document.Signatory);
    }

    [Fact]
    public void For_OneDayAndForeignDonor_SingleDateAndCountryLine()
    {
        var document = CerfaFields.For(Settings, Receipt("Cash", new(2025, 5, 1), new(2025, 5, 1), country: "BE"), new DateOnly(2026, 1, 2));

        Assert.Equal("01/05/2025", document.PaymentDates);
        Assert.Equal("BE", document.DonorAddress[^1]);
        Assert.Equal(["Remise d'espèces"], document.Modes.Where(c => c.Checked).Select(c => c.Label));
    }

    [Theory]
    [InlineData("offline", "cash", CerfaPaymentMode.Cash)]
    [InlineData("offline", "cheque", CerfaPaymentMode.Cheque)]
    [InlineData("offline", "transfer", CerfaPaymentMode.TransferDebitCard)]
    [InlineData("stripe", null, CerfaPaymentMode.TransferDebitCard)]
    [InlineData("helloasso", null, CerfaPaymentMode.TransferDebitCard)]
    [InlineData("paypal", null, CerfaPaymentMode.TransferDebitCard)]
    public void CerfaMode_ProviderAndOfflineMethod_PaymentMode(string provider, string? offline, CerfaPaymentMode mode) =>
        Assert.Equal(mode, PaymentMethods.CerfaMode(PaymentMethods.Of(provider, offline)));
}
