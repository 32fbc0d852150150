using Relais.Supporters;

namespace Relais.Consents;

public static class MailableQueries
{
    /// <summary>
    /// Supporters who may receive email updates: granted (confirmed, when double opt-in applies) and
    /// not erased. Every sending path starts from here.
    /// </summary>
    public static IQueryable<Supporter> Mailable(this IQueryable<Supporter> supporters) =>
        supporters.Where(s => s.EmailConsent == EmailConsentState.Granted && s.ErasedAt == null);
}
