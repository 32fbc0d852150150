using Relais.Giving;

namespace Relais.Web.Giving;

/// <summary>The English names of the offline methods, localized where shown.</summary>
public static class OfflineLabels
{
    public static string Of(string? method) => method switch
    {
        OfflineMethods.Transfer => "Bank transfer",
        OfflineMethods.Cheque => "Cheque",
        OfflineMethods.Cash => "Cash",
        _ => "Other",
    };
}
