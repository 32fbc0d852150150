using System.Globalization;
using Relais.Giving;

namespace Relais.Receipts;

/// <summary>A box of the form: its printed words and whether it is ticked.</summary>
public sealed record CerfaCheck(string Label, bool Checked);

/// <summary>
/// Every field of a Cerfa 11580 "reçu au titre des dons à certains organismes d'intérêt général",
/// as the words to print (always in French: it is a French tax form).
/// </summary>
public sealed record TaxReceiptDocument(
    string Number,
    string BeneficiaryName,
    IReadOnlyList<string> BeneficiaryAddress,
    string BeneficiaryPurpose,
    IReadOnlyList<CerfaCheck> BeneficiaryStatus,
    string? StatusDetail,
    string DonorName,
    IReadOnlyList<string> DonorAddress,
    string AmountInFigures,
    string AmountInWords,
    string PaymentDates,
    IReadOnlyList<CerfaCheck> Articles,
    IReadOnlyList<CerfaCheck> Form,
    IReadOnlyList<CerfaCheck> Nature,
    IReadOnlyList<CerfaCheck> Modes,
    string PlaceAndDate,
    string Signatory);

/// <summary>Maps an organization's settings and a donor's yearly receipt onto the Cerfa 11580 fields.</summary>
public static class CerfaFields
{
    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-FR");

    public static readonly IReadOnlyList<(BeneficiaryStatus Status, string Label)> Statuses =
    [
        (BeneficiaryStatus.PublicUtility, "Association ou fondation reconnue d'utilité publique"),
        (BeneficiaryStatus.UniversityFoundation, "Fondation universitaire ou fondation partenariale"),
        (BeneficiaryStatus.CorporateFoundation, "Fondation d'entreprise"),
        (BeneficiaryStatus.GeneralInterest, "Œuvre ou organisme d'intérêt général"),
        (BeneficiaryStatus.HelpForPeopleInNeed, "Association fournissant gratuitement une aide alimentaire ou des soins médicaux à des personnes en difficulté ou favorisant leur logement"),
        (BeneficiaryStatus.ResearchOrEducation, "Établissement de recherche ou d'enseignement supérieur, public ou privé, d'intérêt général, à but non lucratif"),
        (BeneficiaryStatus.WorshipOrCharity, "Association cultuelle ou de bienfaisance, établissement public des cultes reconnus d'Alsace-Moselle"),
        (BeneficiaryStatus.Other, "Autre organisme"),
    ];

    public static readonly IReadOnlyList<(TaxArticles Article, string Label)> ArticleLabels =
    [
        (TaxArticles.Article200, "200 du CGI"),
        (TaxArticles.Article238Bis, "238 bis du CGI"),
        (TaxArticles.Article978, "978 du CGI"),
    ];

    public static readonly IReadOnlyList<(CerfaPaymentMode Mode, string Label)> ModeLabels =
    [
        (CerfaPaymentMode.Cash, "Remise d'espèces"),
        (CerfaPaymentMode.Cheque, "Chèque"),
        (CerfaPaymentMode.TransferDebitCard, "Virement, prélèvement, carte bancaire"),
    ];

    public static TaxReceiptDocument For(ReceiptSettings settings, TaxReceipt receipt, DateOnly issuedOn)
    {
        var modes = receipt.Modes;
        return new TaxReceiptDocument(
            Number: receipt.Reference,
            BeneficiaryName: settings.LegalName,
            BeneficiaryAddress: [settings.StreetAddress, $"{settings.PostalCode} {settings.City}".Trim()],
            BeneficiaryPurpose: settings.Purpose,
            BeneficiaryStatus: Statuses.Select(s => new CerfaCheck(s.Label, settings.Status.HasFlag(s.Status))).ToList(),
            StatusDetail: string.IsNullOrWhiteSpace(settings.StatusDetail) ? null : settings.StatusDetail,
            DonorName: receipt.DonorName,
            DonorAddress: DonorAddress(receipt),
            AmountInFigures: new Money(receipt.AmountMinor, "EUR").Format(French),
            AmountInWords: AmountInFrenchWords.Euros(receipt.AmountMinor),
            PaymentDates: receipt.FirstPaidOn == receipt.LastPaidOn
                ? receipt.FirstPaidOn.ToString("dd/MM/yyyy", French)
                : $"du {receipt.FirstPaidOn.ToString("dd/MM/yyyy", French)} au {receipt.LastPaidOn.ToString("dd/MM/yyyy", French)}",
            Articles: ArticleLabels.Select(a => new CerfaCheck(a.Label, settings.Articles.HasFlag(a.Article))).ToList(),
            // Gifts of money online, by cheque, transfer or cash are "dons manuels" in numéraire.
            Form: [new("Acte authentique", false), new("Acte sous seing privé", false), new("Déclaration de don manuel", true), new("Autres", false)],
            Nature: [new("Numéraire", true), new("Titres de sociétés cotés", false), new("Autres", false)],
            Modes: ModeLabels.Select(m => new CerfaCheck(m.Label, modes.Contains(m.Mode))).ToList(),
            PlaceAndDate: $"{settings.City}, le {issuedOn.ToString("dd/MM/yyyy", French)}",
            Signatory: $"{settings.SignatoryName}, {settings.SignatoryRole}");
    }

    private static IReadOnlyList<string> DonorAddress(TaxReceipt receipt)
    {
        var lines = new List<string> { receipt.DonorStreetAddress, $"{receipt.DonorPostalCode} {receipt.DonorCity}".Trim() };
        if (receipt.DonorCountry is { Length: > 0 } country && country != "FR")
        {
            lines.Add(country);
        }
        return lines;
    }
}
