namespace Relais.Payments;

/// <summary>Why a webhook delivery was accepted or refused, before its body is even parsed.</summary>
public enum WebhookVerdict
{
    Valid,
    MissingSignature,
    MalformedSignature,
    BadSignature,
    Stale,
    UntrustedCertificate,
    NotConfigured,
}
