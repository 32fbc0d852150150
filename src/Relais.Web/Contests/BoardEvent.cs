using System.Globalization;
using System.Text;
using System.Text.Json;
using Relais.Contests;

namespace Relais.Web.Contests;

/// <summary>
/// A contest board as JSON (the board endpoint and the server-sent event). The board's version is
/// the event id, so a reconnecting browser that already has it is not sent it again.
/// </summary>
public static class BoardEvent
{
    public sealed record Line(int Rank, Guid Id, string Name, long Amount, int Donations, int Donors);

    public sealed record Board(string Slug, string Currency, int Digits, long Version, bool Final, IReadOnlyList<Line> ByAmount, IReadOnlyList<Line> ByDonors, IReadOnlyList<Line> Bonus);

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>Amounts stay in minor units: each browser formats them in its own language.</summary>
    public static Board From(ContestBoardView view)
    {
        var currency = view.Contest.Currency;
        static IReadOnlyList<Line> Lines(IReadOnlyList<ContestStanding> standings) => standings
            .Select(s => new Line(s.Rank, s.EntryId, s.DisplayName, s.AmountMinor, s.DonationCount, s.DonorCount))
            .ToList();
        return new Board(view.Contest.Slug, currency, Relais.Giving.Currencies.DigitsOf(currency), view.Contest.BoardVersion, view.IsFinal, Lines(view.ByAmount), Lines(view.ByDonors), Lines(view.Bonus));
    }

    public static byte[] Serialize(Board board) => JsonSerializer.SerializeToUtf8Bytes(board, Json);

    public static byte[] For(Board board) => Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture,
        $"id: {board.Version}\ndata: {JsonSerializer.Serialize(board, Json)}\n\n"));

    public static long? LastSeen(string? lastEventId) =>
        long.TryParse(lastEventId, NumberStyles.None, CultureInfo.InvariantCulture, out var version) ? version : null;
}
