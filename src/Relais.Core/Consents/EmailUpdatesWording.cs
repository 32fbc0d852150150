using Relais.Organizations;

namespace Relais.Consents;

/// <summary>
/// The words beside the optional "keep me informed" box of a public form. They are recorded in
/// the ledger exactly as shown; <see cref="Version"/> changes whenever the sentences below change.
/// </summary>
public static class EmailUpdatesWording
{
    public const int Version = 1;

    public static string For(string language, string organizationName) => language == Languages.English
        ? $"Keep me informed by email about the campaigns of {organizationName}. I can unsubscribe at any time."
        : $"Je souhaite être informé·e par email des campagnes de {organizationName}. Je peux me désinscrire à tout moment.";
}
