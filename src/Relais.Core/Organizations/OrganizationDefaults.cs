namespace Relais.Organizations;

/// <summary>Sensible starting values for a new organization, which its owner then edits.</summary>
public static class OrganizationDefaults
{
    public const string ConsentWordingFr =
        "J'accepte que mes données soient utilisées pour compter ma signature et la remettre à la cible de la pétition. " +
        "Je ne serai pas inscrit·e à une lettre d'information sans mon accord, et je peux retirer mon consentement à tout moment.";

    public const string ConsentWordingEn =
        "I agree that my data is used to count my signature and deliver it to the petition's target. " +
        "I will not be subscribed to any newsletter without my consent, and I can withdraw my consent at any time.";
}
