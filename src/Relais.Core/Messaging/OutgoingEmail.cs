namespace Relais.Messaging;

/// <summary>One email to one person, as plain text and as HTML (already encoded), with what the wire needs.</summary>
public sealed record OutgoingEmail(string To, string Subject, string Text, string Html)
{
    /// <summary>The organization's sender; null sends from the server-wide address (Relais:Smtp).</summary>
    public MailSender? From { get; init; }

    /// <summary>The Message-ID without angle brackets; the same for every attempt, so that a receiver can drop a repeat. Null: one is made.</summary>
    public string? MessageId { get; init; }

    /// <summary>Extra headers such as List-Unsubscribe; names and values in ASCII.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Headers { get; init; } = [];

    /// <summary>Signs the message with the organization's key when set.</summary>
    public DkimKey? Dkim { get; init; }
}

public sealed record MailSender(string Name, string Address, string? ReplyTo = null);

/// <summary>A DKIM signing identity: d= domain, s= selector, and the RSA private key in PEM.</summary>
public sealed record DkimKey(string Domain, string Selector, string PrivateKeyPem);
