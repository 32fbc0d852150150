using Microsoft.Data.Sqlite;

namespace Relais.Bench;

/// <summary>
/// After the server has stopped: is every acknowledged signature stored exactly once, for the right
/// petition, and does each petition's counter equal its number of Signed activities?
/// </summary>
public static class DatabaseCheck
{
    public static CheckResult Run(string databasePath, string runId, IReadOnlyCollection<(string Email, string Slug)> acknowledged)
    {
        using var connection = new SqliteConnection(
            new SqliteConnectionStringBuilder { DataSource = databasePath, Mode = SqliteOpenMode.ReadWrite, Pooling = false }.ToString());
        connection.Open();

        var petitions = new List<PetitionCheck>();
        var slugByPetition = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        using (var command = connection.CreateCommand())
        {
            command.CommandText = """
                SELECT c."Slug", p."Id", p."SignatureCount",
                       (SELECT COUNT(*) FROM "Activities" a WHERE a."Type" = 'Signed' AND a."ActionId" = p."Id")
                FROM "Petitions" p JOIN "Campaigns" c ON c."Id" = p."CampaignId"
                ORDER BY c."Slug"
                """;
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                petitions.Add(new PetitionCheck(reader.GetString(0), reader.GetInt64(2), reader.GetInt64(3)));
                slugByPetition[reader.GetString(1)] = reader.GetString(0);
            }
        }

        // Every Signed activity of this run's supporters, keyed by email.
        var stored = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var batches = new Dictionary<long, int>();
        using (var command = connection.CreateCommand())
        {
            command.CommandText = """
                SELECT s."NormalizedEmail", a."ActionId", a."OccurredAt"
                FROM "Activities" a JOIN "Supporters" s ON s."Id" = a."SupporterId"
                WHERE a."Type" = 'Signed' AND s."NormalizedEmail" LIKE $prefix
                """;
            command.Parameters.AddWithValue("$prefix", $"bench-{runId}-%");
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                var email = reader.GetString(0);
                var slug = slugByPetition.GetValueOrDefault(reader.GetString(1), "?");
                if (!stored.TryGetValue(email, out var slugs))
                {
                    stored[email] = slugs = [];
                }
                slugs.Add(slug);
                // The intake stamps every signature of one transaction with the same instant.
                var at = reader.GetInt64(2);
                batches[at] = batches.GetValueOrDefault(at) + 1;
            }
        }

        int missing = 0, duplicated = 0, wrongPetition = 0;
        var acknowledgedEmails = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (email, slug) in acknowledged)
        {
            acknowledgedEmails.Add(email);
            if (!stored.TryGetValue(email, out var slugs))
            {
                missing++;
                continue;
            }
            var right = slugs.Count(s => s == slug);
            if (right == 0)
            {
                wrongPetition++;
            }
            else if (slugs.Count > 1)
            {
                duplicated++;
            }
        }
        var storedNotAcknowledged = stored.Keys.Count(e => !acknowledgedEmails.Contains(e));
        var sizes = batches.Values.Order().ToArray();
        // OccurredAt is stored by EF Core's DateTimeOffsetToBinaryConverter: (ticks / 1000) << 11 | offset minutes.
        var starts = batches.Keys.Select(k => (k >> 11) * 1_000 / (double)TimeSpan.TicksPerMillisecond).Order().ToArray();
        var gaps = starts.Zip(starts.Skip(1), (a, b) => b - a).Order().ToArray();
        return new CheckResult(
            acknowledged.Count,
            stored.Values.Sum(v => v.Count),
            missing,
            duplicated,
            wrongPetition,
            storedNotAcknowledged,
            petitions,
            sizes.Length,
            sizes.Length == 0 ? 0 : sizes.Average(),
            sizes.Length == 0 ? 0 : sizes[sizes.Length / 2],
            sizes.Length == 0 ? 0 : sizes[^1],
            gaps.Length == 0 ? 0 : gaps[gaps.Length / 2],
            gaps.Length == 0 ? 0 : gaps[(int)Math.Min(gaps.Length - 1, Math.Ceiling(gaps.Length * 0.9) - 1)]);
    }
}

public sealed record PetitionCheck(string Slug, long SignatureCount, long SignedActivities)
{
    public bool Consistent => SignatureCount == SignedActivities;
}

public sealed record CheckResult(
    int Acknowledged,
    int StoredForRun,
    int Missing,
    int Duplicated,
    int WrongPetition,
    int StoredNotAcknowledged,
    IReadOnlyList<PetitionCheck> Petitions,
    int Transactions,
    double MeanBatch,
    int MedianBatch,
    int LargestBatch,
    double MedianMsBetweenTransactions,
    double P90MsBetweenTransactions)
{
    public bool Passed => Missing == 0 && Duplicated == 0 && WrongPetition == 0 && Petitions.All(p => p.Consistent);
}
