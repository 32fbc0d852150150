using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Relais.Campaigns;
using Relais.Channels;
using Relais.Data;
using Relais.Groups;
using Relais.Organizations;
using Relais.Petitions;
using Relais.Tags;

namespace Relais.Demo;

/// <summary>What <see cref="ScaleGenerator.GenerateAsync"/> added.</summary>
public sealed record ScaleResult(int Supporters, long Activities, int Actions, TimeSpan Elapsed);

/// <summary>
/// Adds a large, plausible crowd to an organization for benchmarks and load tests: a million
/// supporters with ten activities each takes minutes, not hours, because the database generates
/// the rows itself (a recursive CTE on SQLite, generate_series on PostgreSQL) instead of receiving
/// them one statement at a time. Values come from a multiplicative hash of the row number, so two
/// runs of the same size hold the same distributions.
/// </summary>
public static class ScaleGenerator
{
    public const int ActivitiesPerSupporter = 10;
    public const int ArchivedCampaigns = 20;
    public const string EmailDomain = "scale.example.org";

    private static readonly string[] TagNames = ["bénévole", "presse", "donateur régulier", "élu·e", "partenaire"];
    private static readonly string[] ChannelNames = ["France", "Belgique", "Climat", "Solidarité"];

    /// <param name="activitiesPerSupporter">Ten by default; fewer (down to none) for a benchmark that
    /// only needs the people, such as a bulk email to a million recipients.</param>
    public static async Task<ScaleResult> GenerateAsync(
        RelaisDb db, Guid organizationId, int supporters, TimeProvider clock, CancellationToken ct,
        int activitiesPerSupporter = ActivitiesPerSupporter)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(supporters, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(supporters, 10_000_000);
        ArgumentOutOfRangeException.ThrowIfNegative(activitiesPerSupporter);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(activitiesPerSupporter, ActivitiesPerSupporter);
        var started = clock.GetTimestamp();
        var now = clock.GetUtcNow();
        if (await db.Supporters.AnyAsync(s => s.OrganizationId == organizationId && s.NormalizedEmail.EndsWith("@" + EmailDomain), ct))
        {
            throw new InvalidOperationException("This organization already holds generated supporters; generate into a fresh database.");
        }

        var actions = await CreateArchivedCampaignsAsync(db, organizationId, now, ct);
        var sql = new ScaleSql(db.Database.IsNpgsql(), organizationId, supporters, now);

        db.Database.SetCommandTimeout(TimeSpan.FromHours(1));
        await using (var transaction = await db.Database.BeginTransactionAsync(ct))
        {
            await ExecuteAsync(db, sql.CreateActions(actions), ct);
            // Building indexes once over sorted data is much faster than maintaining them row by row.
            var supporterIndexes = await DropIndexesAsync(db, "Supporters", ct);
            await ExecuteAsync(db, sql.InsertSupporters(), ct);
            await RecreateIndexesAsync(db, supporterIndexes, ct);
            var activityIndexes = await DropIndexesAsync(db, "Activities", ct);
            for (var k = 0; k < activitiesPerSupporter; k++)
            {
                await ExecuteAsync(db, sql.InsertActivities(k), ct);
            }
            await RecreateIndexesAsync(db, activityIndexes, ct);
            await ExecuteAsync(db, sql.InsertConsents(), ct);
            await ExecuteAsync(db, sql.DropActions(), ct);
            await transaction.CommitAsync(ct);
        }

        var tags = await CreateAsync(db, TagNames.Select(n => new Tag { OrganizationId = organizationId, Name = n, NormalizedName = Tag.Normalize(n) }).ToList(), ct);
        var channels = await CreateAsync(db, ChannelNames.Select(n => new Channel
        {
            OrganizationId = organizationId,
            Name = n,
            Slug = "scale-" + CampaignCanvas.SlugFrom(n),
            Country = n switch { "France" => "FR", "Belgique" => "BE", _ => null },
            Topic = n is "Climat" or "Solidarité" ? n : null,
        }).ToList(), ct);
        var groups = await CreateAsync(db, Enumerable.Range(1, 30).Select(i => new LocalGroup
        {
            OrganizationId = organizationId,
            Name = $"Groupe local {i:00}",
            Country = "FR",
            PostalCodePrefix = (i + 1).ToString("00", CultureInfo.InvariantCulture),
        }).ToList(), ct);
        await using (var transaction = await db.Database.BeginTransactionAsync(ct))
        {
            await ExecuteAsync(db, sql.InsertMemberships("SupporterTags", "TagId", tags.Select(t => t.Id).ToList(), sharePercent: 20,
                extraColumns: "\"TaggedAt\", \"Source\"", extraValues: $"{sql.Now}, 'demo'"), ct);
            await ExecuteAsync(db, sql.InsertMemberships("ChannelMemberships", "ChannelId", channels.Select(c => c.Id).ToList(), sharePercent: 30,
                extraColumns: "\"Source\", \"JoinedAt\"", extraValues: $"'demo', {sql.Now}"), ct);
            await ExecuteAsync(db, sql.InsertMemberships("GroupMemberships", "GroupId", groups.Select(g => g.Id).ToList(), sharePercent: 5,
                extraColumns: "\"Role\", \"JoinedAt\"", extraValues: $"CASE WHEN ({ScaleSql.Hash("i", 7)} % 50) = 0 THEN 'Leader' ELSE 'Member' END, {sql.Now}"), ct);
            await transaction.CommitAsync(ct);
        }

        // Fresh statistics, or the planners guess at a million rows as if the tables were empty. On
        // PostgreSQL, VACUUM also marks the new pages all-visible (index-only scans, as autovacuum
        // would leave them on a running server) and sets their hint bits, which the first queries
        // would otherwise write: a segment count took 780 ms before it and 210 ms after.
        await ExecuteAsync(db, db.Database.IsNpgsql() ? "VACUUM (ANALYZE);" : "ANALYZE;", ct);
        return new ScaleResult(supporters, (long)supporters * activitiesPerSupporter, actions.Count, clock.GetElapsedTime(started));
    }

    private static async Task<List<Petition>> CreateArchivedCampaignsAsync(RelaisDb db, Guid organizationId, DateTimeOffset now, CancellationToken ct)
    {
        var petitions = new List<Petition>(ArchivedCampaigns);
        for (var i = 1; i <= ArchivedCampaigns; i++)
        {
            var campaign = new Campaign
            {
                OrganizationId = organizationId,
                Slug = $"archive-{i:00}-{Guid.NewGuid():N}"[..24],
                Languages = $"{Languages.French},{Languages.English}",
                CreatedAt = now.AddDays(-730 + i * 30),
                UpdatedAt = now.AddDays(-700 + i * 30),
            };
            campaign.Texts.Add(new CampaignText { CampaignId = campaign.Id, Language = Languages.French, Title = $"Campagne archivée n° {i}" });
            campaign.Texts.Add(new CampaignText { CampaignId = campaign.Id, Language = Languages.English, Title = $"Archived campaign #{i}" });
            campaign.Petition = new Petition
            {
                OrganizationId = organizationId,
                CampaignId = campaign.Id,
                Goal = 100_000,
                IsOpen = false,
                CreatedAt = campaign.CreatedAt,
            };
            db.Campaigns.Add(campaign);
            petitions.Add(campaign.Petition);
        }
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
        return petitions;
    }

    private static async Task<List<T>> CreateAsync<T>(RelaisDb db, List<T> rows, CancellationToken ct)
        where T : class
    {
        db.Set<T>().AddRange(rows);
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
        return rows;
    }

    private static async Task ExecuteAsync(RelaisDb db, string sql, CancellationToken ct) =>
        await db.Database.ExecuteSqlRawAsync(sql, ct);

    private static async Task<List<string>> DropIndexesAsync(RelaisDb db, string table, CancellationToken ct)
    {
        var indexes = db.Database.IsNpgsql()
            ? await db.Database.SqlQueryRaw<IndexDefinition>(
                    "SELECT indexname AS \"Name\", indexdef AS \"Sql\" FROM pg_indexes WHERE tablename = {0} AND indexname NOT LIKE 'PK%'", table)
                .ToListAsync(ct)
            : await db.Database.SqlQueryRaw<IndexDefinition>(
                    "SELECT name AS \"Name\", sql AS \"Sql\" FROM sqlite_master WHERE type = 'index' AND tbl_name = {0} AND sql IS NOT NULL", table)
                .ToListAsync(ct);
        foreach (var index in indexes)
        {
            await ExecuteAsync(db, $"DROP INDEX \"{index.Name}\"", ct);
        }
        return indexes.Select(i => i.Sql).ToList();
    }

    private static async Task RecreateIndexesAsync(RelaisDb db, List<string> definitions, CancellationToken ct)
    {
        foreach (var definition in definitions)
        {
            await ExecuteAsync(db, definition, ct);
        }
    }

    private sealed record IndexDefinition(string Name, string Sql);

    /// <summary>The generating statements, in each engine's dialect.</summary>
    private sealed class ScaleSql(bool postgres, Guid organizationId, int supporters, DateTimeOffset now)
    {
        private const long TwoYears = 730L * 24 * 3600;

        // Unique per run, so the generated ids never meet the version 7 ids the app makes.
        private readonly string _prefix = Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();

        private static readonly DateTimeOffsetToBinaryConverter Binary = new();

        public string Now => Time("0");

        /// <summary>
        /// A 16-bit number from a row number: a multiplicative hash with one odd multiplier per salt,
        /// keeping the high bits, so that two salts give independent-looking values.
        /// </summary>
        public static string Hash(string n, int salt)
        {
            var multiplier = (2654435761u ^ (uint)(salt * 0x45D9F3B)) | 1u;
            return $"(((({n}) * {multiplier}) % 4294967296) / 65536)";
        }

        /// <summary>A 32-bit number from a row number, for spans wider than 16 bits such as seconds in two years.</summary>
        public static string Wide(string n, int salt) => $"({Hash(n, salt)} * 65536 + {Hash(n, salt + 1_000)})";

        private string Org => postgres ? $"'{organizationId}'::uuid" : $"'{organizationId.ToString().ToUpperInvariant()}'";

        private string Series => postgres
            ? $"generate_series(1::bigint, {supporters}) AS g(i)"
            : $"(WITH RECURSIVE g(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM g WHERE i < {supporters}) SELECT i FROM g) AS g";

        private string Id(int kind, string n) => postgres
            ? $"('{_prefix}-' || lpad(to_hex({kind}), 4, '0') || '-7000-8000-' || lpad(to_hex({n}), 12, '0'))::uuid"
            : $"printf('{_prefix}-%04X-7000-8000-%012X', {kind}, {n})";

        private string Text(string expression) => postgres ? $"({expression})::text" : $"CAST({expression} AS TEXT)";

        /// <summary>A moment <paramref name="secondsAgo"/> before now, in the column format of the engine.</summary>
        private string Time(string secondsAgo)
        {
            if (postgres)
            {
                return $"(timestamptz '{now.UtcDateTime:yyyy-MM-dd HH:mm:ss}+00' - ({secondsAgo}) * interval '1 second')";
            }
            // DateTimeOffsetToBinaryConverter: (ticks / 1000) << 11, offset 0 in the low bits.
            var nowUnits = (long)Binary.ConvertToProvider(now.ToUniversalTime())! >> 11;
            return $"(({nowUnits} - ({secondsAgo}) * 10000) << 11)";
        }

        public string CreateActions(IReadOnlyList<Petition> petitions)
        {
            var rows = string.Join(", ", petitions.Select((p, i) =>
                $"({i}, {Uuid(p.Id)}, {Uuid(p.CampaignId)})"));
            var types = postgres ? "integer, uuid, uuid" : "INTEGER, TEXT, TEXT";
            var names = types.Split(", ");
            return $"CREATE TEMP TABLE scale_actions (idx {names[0]} PRIMARY KEY, petition_id {names[1]}, campaign_id {names[2]}); " +
                   $"INSERT INTO scale_actions VALUES {rows};";
        }

        public string DropActions() => "DROP TABLE scale_actions;";

        private string Uuid(Guid id) => postgres ? $"'{id}'::uuid" : $"'{id.ToString().ToUpperInvariant()}'";

        public string InsertSupporters()
        {
            var h = (int salt) => Hash("i", salt);
            var lastActive = $"({Wide("i", 11)} % {TwoYears})";
            return $"""
                INSERT INTO "Supporters" ("Id", "OrganizationId", "Email", "NormalizedEmail", "FirstName", "LastName",
                    "PostalCode", "Country", "City", "Phone", "Language", "CreatedAt", "LastActiveAt", "EmailConsent",
                    "LadderRank", "LadderEvaluatedAt", "ErasedAt")
                SELECT {Id(0, "i")}, {Org},
                    'person' || {Text("i")} || '@{EmailDomain}', 'person' || {Text("i")} || '@{EmailDomain}',
                    CASE {h(1)} % 8 WHEN 0 THEN 'Camille' WHEN 1 THEN 'Léa' WHEN 2 THEN 'Hugo' WHEN 3 THEN 'Inès'
                        WHEN 4 THEN 'Lucas' WHEN 5 THEN 'Chloé' WHEN 6 THEN 'Nathan' ELSE 'Zoé' END,
                    CASE {h(2)} % 8 WHEN 0 THEN 'Martin' WHEN 1 THEN 'Bernard' WHEN 2 THEN 'Dubois' WHEN 3 THEN 'Lefèvre'
                        WHEN 4 THEN 'Moreau' WHEN 5 THEN 'Garcia' WHEN 6 THEN 'Roux' ELSE 'Fournier' END,
                    {(postgres ? $"lpad(({h(3)} % 95000 + 1000)::text, 5, '0')" : $"printf('%05d', {h(3)} % 95000 + 1000)")},
                    CASE WHEN {h(4)} % 100 < 70 THEN 'FR' WHEN {h(4)} % 100 < 80 THEN 'BE' WHEN {h(4)} % 100 < 88 THEN 'CH'
                        WHEN {h(4)} % 100 < 95 THEN 'CA' ELSE 'LV' END,
                    NULL, NULL,
                    CASE WHEN {h(5)} % 100 < 85 THEN 'fr' ELSE 'en' END,
                    {Time($"{lastActive} + {Wide("i", 12)} % (86400 * 30)")}, {Time(lastActive)},
                    CASE WHEN {h(6)} % 100 < 45 THEN 'Granted' WHEN {h(6)} % 100 < 50 THEN 'Withdrawn'
                        WHEN {h(6)} % 100 < 53 THEN 'Pending' ELSE 'None' END,
                    CASE WHEN {h(8)} % 100 < 2 THEN 4 WHEN {h(8)} % 100 < 12 THEN 3 ELSE 2 END,
                    {Time(lastActive)}, NULL
                FROM {Series};
                """;
        }

        public string InsertActivities(int k)
        {
            // Four of the ten are signatures, of four different petitions (offsets 0, 7, 14 and 9 modulo 20).
            var (type, petitionOffset) = k switch
            {
                0 => ("Signed", 0),
                1 => ("Opened", -1),
                2 => ("Signed", 7),
                3 => ("Clicked", -1),
                4 => ("Signed", 14),
                5 => ("Opened", -1),
                6 => ("Donated", -1),
                7 => ("Signed", 49),
                8 => ("Shared", -1),
                _ => ("Attended", -1),
            };
            var action = petitionOffset < 0
                ? null
                : $"({Hash("i", 21)} + {petitionOffset}) % {ArchivedCampaigns}";
            var join = action is null ? "" : $"JOIN scale_actions a ON a.idx = {action}";
            return $"""
                INSERT INTO "Activities" ("Id", "OrganizationId", "SupporterId", "Type", "CampaignId", "ActionId", "OccurredAt", "Comment", "Source")
                SELECT {Id(k + 1, "i")}, {Org}, {Id(0, "i")}, '{type}',
                    {(action is null ? "NULL" : "a.campaign_id")}, {(action is null ? "NULL" : "a.petition_id")},
                    {Time($"{Wide("i", 100 + k)} % {TwoYears}")}, NULL, 'demo'
                FROM {Series} {join};
                """;
        }

        public string InsertConsents() => $"""
            INSERT INTO "Consents" ("Id", "OrganizationId", "SupporterId", "Purpose", "Granted", "AwaitingConfirmation", "Wording",
                "WordingVersion", "Language", "Source", "RecordedAt")
            SELECT {Id(100, "i")}, {Org}, {Id(0, "i")}, 'email-updates', {(postgres ? "true" : "1")}, {(postgres ? "false" : "0")},
                'J''accepte de recevoir les nouvelles des campagnes par e-mail.', 1, 'fr', 'demo',
                {Time($"{Wide("i", 11)} % {TwoYears}")}
            FROM {Series}
            WHERE {Hash("i", 6)} % 100 < 45;
            """;

        public string InsertMemberships(string table, string keyColumn, IReadOnlyList<Guid> targets, int sharePercent, string extraColumns, string extraValues)
        {
            var cases = string.Join(" ", targets.Select((t, i) => $"WHEN {i} THEN {Uuid(t)}"));
            return $"""
                INSERT INTO "{table}" ("SupporterId", "{keyColumn}", "OrganizationId", {extraColumns})
                SELECT {Id(0, "i")}, CASE {Hash("i", 31 + targets.Count)} % {targets.Count} {cases} END, {Org}, {extraValues}
                FROM {Series}
                WHERE {Hash("i", 41 + targets.Count)} % 100 < {sharePercent};
                """;
        }


    }
}
