namespace Relais.Receipts;

/// <summary>How a donation was paid, as the receipt names it.</summary>
public enum PaymentMethod
{
    Cash,
    Cheque,
    Transfer,
    Card,
    PayPal,
    HelloAsso,
}

/// <summary>The three "modes de versement" of the Cerfa 11580.</summary>
public enum CerfaPaymentMode
{
    /// <summary>Remise d'espèces.</summary>
    Cash,

    /// <summary>Chèque.</summary>
    Cheque,

    /// <summary>Virement, prélèvement, carte bancaire.</summary>
    TransferDebitCard,
}

/// <summary>The English words of the payment methods, keys of the French resources.</summary>
public static class PaymentMethodMessages
{
    public const string Cash = "Cash";
    public const string Cheque = "Cheque";
    public const string Transfer = "Bank transfer";
    public const string Card = "Card";
    public const string PayPal = "PayPal";
    public const string HelloAsso = "HelloAsso";
}

public static class PaymentMethods
{
    /// <summary>From a donation's provider key and, for an offline promise, its method.</summary>
    public static PaymentMethod Of(string provider, string? offlineMethod) => (provider, offlineMethod) switch
    {
        ("offline", "cash") => PaymentMethod.Cash,
        ("offline", "cheque") => PaymentMethod.Cheque,
        ("offline", _) => PaymentMethod.Transfer,
        ("paypal", _) => PaymentMethod.PayPal,
        ("helloasso", _) => PaymentMethod.HelloAsso,
        _ => PaymentMethod.Card,
    };

    /// <summary>Online providers are paid by card (or their wallet, itself debited by card or transfer).</summary>
    public static CerfaPaymentMode CerfaMode(PaymentMethod method) => method switch
    {
        PaymentMethod.Cash => CerfaPaymentMode.Cash,
        PaymentMethod.Cheque => CerfaPaymentMode.Cheque,
        _ => CerfaPaymentMode.TransferDebitCard,
    };

    /// <summary>The English words of a method, a key of the French resources.</summary>
    public static string Label(PaymentMethod method) => method switch
    {
        PaymentMethod.Cash => PaymentMethodMessages.Cash,
        PaymentMethod.Cheque => PaymentMethodMessages.Cheque,
        PaymentMethod.Transfer => PaymentMethodMessages.Transfer,
        PaymentMethod.PayPal => PaymentMethodMessages.PayPal,
        PaymentMethod.HelloAsso => PaymentMethodMessages.HelloAsso,
        _ => PaymentMethodMessages.Card,
    };
}
