namespace Relais.Messaging;

/// <summary>One email to one person, as plain text and as simple HTML (already encoded).</summary>
public sealed record OutgoingEmail(string To, string Subject, string Text, string Html);
