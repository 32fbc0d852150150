namespace Relais.Messaging;

/// <summary>One person's email after the merge: the HTML is the body only (the layout wraps it).</summary>
public sealed record RenderedEmail(string Subject, string Preheader, string Text, string Html);
