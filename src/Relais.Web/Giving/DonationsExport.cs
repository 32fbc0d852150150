using System.Globalization;
using Relais.Giving;
using Relais.Web.Hosting;
using Row = Relais.Web.Pages.Admin.Campaigns.DonationsModel.Row;

namespace Relais.Web.Giving;

/// <summary>A fundraiser's donations as CSV: UTF-8 with a BOM and semicolons, formula-like cells escaped (see <see cref="ExcelCsv"/>).</summary>
public static class DonationsExport
{
    private static readonly string[] Headers =
        ["date_utc", "nom", "email", "montant", "devise", "statut", "moyen", "methode", "reference", "anonyme", "message"];

    public static byte[] Csv(IEnumerable<Row> rows)
    {
        using var buffer = new MemoryStream();
        using (var csv = ExcelCsv.Create(buffer))
        {
            foreach (var header in Headers)
            {
                csv.WriteField(header);
            }
            csv.NextRecord();
            foreach (var row in rows)
            {
                csv.WriteField(row.CreatedAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture));
                csv.WriteField(row.Name);
                csv.WriteField(row.Email);
                csv.WriteField(SuggestedAmounts.Major(row.AmountMinor, row.Currency, CultureInfo.InvariantCulture));
                csv.WriteField(row.Currency);
                csv.WriteField(row.Status.ToString());
                csv.WriteField(row.Provider);
                csv.WriteField(row.OfflineMethod);
                csv.WriteField(DonationReference.Of(row.Id));
                csv.WriteField(row.IsAnonymous ? "1" : "0");
                csv.WriteField(row.Message);
                csv.NextRecord();
            }
        }
        return buffer.ToArray();
    }
}
