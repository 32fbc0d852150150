using Relais.Consents;
using Relais.Supporters;

namespace Relais.Privacy;

/// <summary>What remains of a supporter after erasure or retention: a row that keeps counts, and nothing personal.</summary>
public static class Anonymization
{
    public const string ErasedDomain = "erased.invalid";

    /// <summary>A unique address that is not one (.invalid never resolves), so the unique email index holds.</summary>
    public static string ErasedEmail(Guid supporterId) => $"erased-{supporterId:N}@{ErasedDomain}";

    /// <summary>
    /// Removes the person's data from <paramref name="supporter"/>. Country and language stay: they
    /// identify no one and keep aggregate reports unchanged.
    /// </summary>
    public static void Apply(Supporter supporter, DateTimeOffset now)
    {
        supporter.Email = ErasedEmail(supporter.Id);
        supporter.NormalizedEmail = supporter.Email;
        supporter.FirstName = "";
        supporter.LastName = "";
        supporter.Phone = null;
        supporter.City = null;
        supporter.PostalCode = null;
        supporter.EmailConsent = EmailConsentState.None;
        supporter.ShowOnRelayBoard = false;
        supporter.RelayBoardName = null;
        supporter.ErasedAt = now;
    }
}
