namespace Relais.Messaging;

/// <summary>Opens connections that stay open for many messages (bulk sends).</summary>
public interface IBulkMailTransport
{
    Task<IBulkMailConnection> ConnectAsync(CancellationToken ct);
}

/// <summary>
/// One SMTP connection reused for many messages. A message is handed over in two steps so that
/// the sender can record the hand-over in the database between them: a kill between the two
/// leaves an unfinished DATA, which the server discards, and nobody receives a message twice.
/// </summary>
public interface IBulkMailConnection : IAsyncDisposable
{
    /// <summary>
    /// MAIL FROM, RCPT TO and DATA for one message, then its content without the final dot. A
    /// refusal on the way (for example 550 at RCPT) is returned and no transaction stays open.
    /// </summary>
    Task<SmtpReply> BeginAsync(OutgoingEmail email, CancellationToken ct);

    /// <summary>Writes the final dot of the open transaction and returns the server's verdict.</summary>
    Task<SmtpReply> CompleteAsync(CancellationToken ct);

    /// <summary>False once the connection broke or an open transaction had to be abandoned; open a new one.</summary>
    bool IsUsable { get; }
}

/// <summary>An SMTP reply: 2xx done, 4xx try later, 5xx refused for good.</summary>
public readonly record struct SmtpReply(int Code, string Text)
{
    public bool IsPositive => Code is >= 200 and < 400;
    public bool IsTransient => Code is >= 400 and < 500;
    public bool IsPermanent => Code >= 500;
}
