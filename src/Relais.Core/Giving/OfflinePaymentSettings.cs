using Relais.Organizations;

namespace Relais.Giving;

/// <summary>
/// How an organization takes promises to pay by transfer, cash or cheque, and the instructions the
/// donor reads after promising. One row per organization; none means offline giving is off.
/// </summary>
public sealed class OfflinePaymentSettings : IOrganizationOwned
{
    public const int TextMax = 2_000;
    public const int FieldMax = 200;

    public Guid OrganizationId { get; set; }

    public bool TransferEnabled { get; set; }
    public string? Iban { get; set; }
    public string? Bic { get; set; }
    public string? AccountHolder { get; set; }

    public bool ChequeEnabled { get; set; }
    public string? ChequePayableTo { get; set; }
    public string? ChequeAddress { get; set; }

    public bool CashEnabled { get; set; }

    /// <summary>Anything else the donor should read (where to bring cash, whom to ask), shown as typed.</summary>
    public string? Instructions { get; set; }

    public bool AnyEnabled => TransferEnabled || ChequeEnabled || CashEnabled;

    /// <summary>The offline methods donors may choose, in the order shown.</summary>
    public IReadOnlyList<string> EnabledMethods =>
        new[] { (TransferEnabled, OfflineMethods.Transfer), (ChequeEnabled, OfflineMethods.Cheque), (CashEnabled, OfflineMethods.Cash) }
            .Where(m => m.Item1).Select(m => m.Item2).ToList();
}

public static class OfflineMethods
{
    public const string Transfer = "transfer";
    public const string Cheque = "cheque";
    public const string Cash = "cash";

    public static bool IsKnown(string? method) => method is Transfer or Cheque or Cash;
}
