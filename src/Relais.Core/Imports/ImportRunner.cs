using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Relais.Consents;
using Relais.Data;
using Relais.Organizations;
using Relais.Privacy;
using Relais.Supporters;
using Relais.Tags;

namespace Relais.Imports;

/// <summary>
/// Runs an import: reads the stored file as a stream and merges it into the organization's
/// supporters chunk by chunk, each chunk in one transaction that also advances
/// <see cref="Import.ProcessedRows"/> and the counters. A process killed midway resumes after the
/// last committed chunk; a dry run writes only the report.
/// </summary>
public sealed class ImportRunner(
    IDbContextFactory<RelaisDb> dbFactory, IOptions<DatabaseOptions> database, TimeProvider clock, ILogger<ImportRunner> logger)
{
    public const int ChunkSize = 5_000;

    // Parameters per multi-row INSERT on PostgreSQL (at most 65,535 in one statement).

    private sealed record ChunkRow(int Number, string[] Cells, ImportedPerson? Person, ImportProblem? Problem);

    public string PathOf(Import import) => Path.Combine(Path.GetFullPath(database.Value.DataFolder), import.StoredPath);

    /// <summary>Runs or resumes one queued or running import until it completes, is cancelled or fails.</summary>
    public async Task RunAsync(Guid importId, CancellationToken ct)
    {
        Import? import;
        string language;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            import = await db.Imports.AsNoTracking().SingleOrDefaultAsync(i => i.Id == importId, ct);
            if (import is null || import.Status is not (ImportStatus.Queued or ImportStatus.Running))
            {
                return;
            }
            var now = clock.GetUtcNow();
            var claimed = await db.Imports
                .Where(i => i.Id == importId && (i.Status == ImportStatus.Queued || i.Status == ImportStatus.Running))
                .ExecuteUpdateAsync(s => s.SetProperty(i => i.Status, ImportStatus.Running).SetProperty(i => i.StartedAt, now), ct);
            if (claimed == 0)
            {
                return;
            }
            language = await db.Organizations.Where(o => o.Id == import.OrganizationId).Select(o => o.DefaultLanguage).SingleAsync(ct);
        }
        try
        {
            if (await ProcessAsync(import, language, ct))
            {
                await FinishAsync(importId, ImportStatus.Completed, null, ct);
                logger.LogInformation("Import {Import} completed", importId);
                if (!import.DryRun)
                {
                    // The people are in the database now; a copy of their data should not outlive its use
                    // (an erasure could not reach it). The report keeps only the rejected rows.
                    File.Delete(PathOf(import));
                }
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // The host is stopping: the import stays Running and resumes at the next start.
            throw;
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "Import {Import} failed", importId);
            await FinishAsync(importId, ImportStatus.Failed, ex.Message, ct);
        }
    }

    private async Task FinishAsync(Guid importId, ImportStatus status, string? error, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var now = clock.GetUtcNow();
        var message = error is { Length: > 2_000 } ? error[..2_000] : error;
        await db.Imports.Where(i => i.Id == importId && i.Status == ImportStatus.Running)
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.Status, status).SetProperty(i => i.CompletedAt, now).SetProperty(i => i.Error, message), ct);
    }

    /// <summary>False when the import was cancelled between two chunks.</summary>
    private async Task<bool> ProcessAsync(Import import, string defaultLanguage, CancellationToken ct)
    {
        ImportRowReader? reader = null;
        var duplicates = new DuplicateEmails();
        var chunk = new List<ChunkRow>(ChunkSize);
        var number = 0;
        foreach (var cells in ImportFile.ReadRows(PathOf(import), import.Format, import.Encoding, import.Delimiter))
        {
            if (reader is null)
            {
                reader = new ImportRowReader(ImportColumnMap.FromJson(import.Mapping, cells.Length), cells);
                continue;
            }
            number++;
            var (person, problem) = reader.Read(cells);
            if (person is not null && duplicates.Check(person, number) is { } duplicate)
            {
                (person, problem) = (null, duplicate);
            }
            if (number <= import.ProcessedRows)
            {
                continue;
            }
            chunk.Add(new ChunkRow(number, cells, person, problem));
            if (chunk.Count == ChunkSize)
            {
                ct.ThrowIfCancellationRequested();
                if (!await WriteChunkAsync(import, defaultLanguage, chunk, ct))
                {
                    return false;
                }
                chunk.Clear();
            }
        }
        return chunk.Count == 0 || await WriteChunkAsync(import, defaultLanguage, chunk, ct);
    }

    private async Task<bool> WriteChunkAsync(Import import, string defaultLanguage, List<ChunkRow> rows, CancellationToken ct)
    {
        var organizationId = import.OrganizationId;
        var now = clock.GetUtcNow();
        var source = $"import:{import.Id}";
        var people = rows.Where(r => r.Person is not null).Select(r => r.Person!).ToList();
        var emails = people.Select(p => p.NormalizedEmail).ToList();
        var hashes = people.ToDictionary(p => p.NormalizedEmail, p => SuppressedEmail.Hash(p.NormalizedEmail), StringComparer.Ordinal);
        var hashList = hashes.Values.ToList();

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var suppressed = (await db.SuppressedEmails.InOrganization(organizationId)
            .Where(s => EF.Parameter(hashList).Contains(s.EmailHash)).Select(s => s.EmailHash).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
        var existing = await db.Supporters.AsNoTracking().InOrganization(organizationId)
            .Where(s => EF.Parameter(emails).Contains(s.NormalizedEmail)).ToDictionaryAsync(s => s.NormalizedEmail, StringComparer.Ordinal, ct);
        var tagIds = await TagsAsync(db, import, people, now, ct);
        var existingIds = existing.Values.Select(s => s.Id).ToList();
        var tagIdList = tagIds.Values.Distinct().ToList();
        var tagged = existingIds.Count == 0 || tagIdList.Count == 0
            ? []
            : (await db.SupporterTags.InOrganization(organizationId)
                .Where(t => EF.Parameter(existingIds).Contains(t.SupporterId) && tagIdList.Contains(t.TagId))
                .Select(t => new { t.SupporterId, t.TagId }).ToListAsync(ct))
                .Select(t => (t.SupporterId, t.TagId)).ToHashSet();

        var inserts = new List<Supporter>();
        var consents = new List<Consent>();
        var tags = new List<SupporterTag>();
        var rejections = new List<ImportRejection>();
        int inserted = 0, updated = 0, unchanged = 0;
        foreach (var row in rows)
        {
            var person = row.Person;
            var problem = row.Problem ?? (person is not null && suppressed.Contains(hashes[person.NormalizedEmail])
                ? new ImportProblem(ImportMessages.Suppressed)
                : null);
            if (person is null || problem is not null)
            {
                rejections.Add(new ImportRejection
                {
                    ImportId = import.Id,
                    RowNumber = row.Number,
                    Reason = problem!.ToStored(),
                    Raw = ImportFile.RawText(row.Cells, import.Delimiter),
                });
                continue;
            }
            var wantedTags = person.Tags.Select(Tag.Normalize)
                .Concat(string.IsNullOrWhiteSpace(import.TagName) ? [] : [Tag.Normalize(import.TagName)])
                .Select(name => tagIds[name]).Distinct();
            if (existing.TryGetValue(person.NormalizedEmail, out var supporter))
            {
                // What the person gave themselves is never overwritten, and a withdrawal is never undone by a file.
                var grant = person.Consents && supporter.EmailConsent is EmailConsentState.None or EmailConsentState.Pending;
                var changed = Fill(supporter, person, apply: false) || grant;
                if (changed && !import.DryRun)
                {
                    db.Supporters.Attach(supporter);
                    Fill(supporter, person, apply: true);
                    if (grant)
                    {
                        supporter.EmailConsent = EmailConsentState.Granted;
                    }
                }
                if (grant)
                {
                    consents.Add(ConsentFor(supporter.Id, supporter.Language));
                }
                foreach (var tagId in wantedTags)
                {
                    if (tagged.Add((supporter.Id, tagId)))
                    {
                        tags.Add(new SupporterTag { SupporterId = supporter.Id, TagId = tagId, OrganizationId = organizationId, TaggedAt = now, Source = source });
                        changed = true;
                    }
                }
                if (changed)
                {
                    updated++;
                }
                else
                {
                    unchanged++;
                }
                continue;
            }
            var created = new Supporter
            {
                OrganizationId = organizationId,
                Email = person.Email,
                NormalizedEmail = person.NormalizedEmail,
                FirstName = person.FirstName ?? "",
                LastName = person.LastName ?? "",
                PostalCode = person.PostalCode,
                City = person.City,
                Country = person.Country,
                Phone = person.Phone,
                Language = person.Language ?? defaultLanguage,
                EmailConsent = person.Consents ? EmailConsentState.Granted : EmailConsentState.None,
                CreatedAt = now,
                // The retention clock starts when the organization received the person's data.
                LastActiveAt = now,
            };
            inserts.Add(created);
            inserted++;
            if (person.Consents)
            {
                consents.Add(ConsentFor(created.Id, created.Language));
            }
            tags.AddRange(wantedTags.Select(tagId => new SupporterTag
            {
                SupporterId = created.Id,
                TagId = tagId,
                OrganizationId = organizationId,
                TaggedAt = now,
                Source = source,
            }));
        }

        if (!import.DryRun)
        {
            await db.InsertAsync(inserts, ct);
            await db.SaveChangesAsync(ct);
            await db.InsertAsync(consents, ct);
            await db.InsertAsync(tags, ct);
        }
        await db.InsertAsync(rejections, ct);
        var counted = await db.Imports.Where(i => i.Id == import.Id && i.Status == ImportStatus.Running)
            .ExecuteUpdateAsync(s => s
                .SetProperty(i => i.ProcessedRows, i => i.ProcessedRows + rows.Count)
                .SetProperty(i => i.Inserted, i => i.Inserted + inserted)
                .SetProperty(i => i.Updated, i => i.Updated + updated)
                .SetProperty(i => i.Unchanged, i => i.Unchanged + unchanged)
                .SetProperty(i => i.Rejected, i => i.Rejected + rejections.Count), ct);
        if (counted == 0)
        {
            // Cancelled while this chunk was being prepared: it is not kept.
            await transaction.RollbackAsync(ct);
            return false;
        }
        await transaction.CommitAsync(ct);
        return true;

        Consent ConsentFor(Guid supporterId, string language) => new()
        {
            OrganizationId = organizationId,
            SupporterId = supporterId,
            Purpose = ConsentPurposes.EmailUpdates,
            Granted = true,
            Wording = import.ConsentSource ?? "",
            WordingVersion = 0,
            Language = language,
            Source = source,
            RecordedAt = now,
        };
    }

    /// <summary>The id of every tag the chunk names (per-row tags and the batch tag), created once if new.</summary>
    private static async Task<Dictionary<string, Guid>> TagsAsync(
        RelaisDb db, Import import, List<ImportedPerson> people, DateTimeOffset now, CancellationToken ct)
    {
        var names = people.SelectMany(p => p.Tags)
            .Concat(string.IsNullOrWhiteSpace(import.TagName) ? [] : [import.TagName.Trim()])
            .DistinctBy(Tag.Normalize, StringComparer.Ordinal)
            .ToDictionary(Tag.Normalize, StringComparer.Ordinal);
        if (names.Count == 0)
        {
            return [];
        }
        var normalized = names.Keys.ToList();
        var ids = await db.Tags.InOrganization(import.OrganizationId).Where(t => normalized.Contains(t.NormalizedName))
            .ToDictionaryAsync(t => t.NormalizedName, t => t.Id, StringComparer.Ordinal, ct);
        var created = names.Where(n => !ids.ContainsKey(n.Key))
            .Select(n => new Tag { OrganizationId = import.OrganizationId, Name = n.Value, NormalizedName = n.Key, CreatedAt = now })
            .ToList();
        if (!import.DryRun)
        {
            await db.InsertAsync(created, ct);
        }
        foreach (var tag in created)
        {
            ids[tag.NormalizedName] = tag.Id;
        }
        return ids;
    }

    /// <summary>Fills the supporter's empty fields from the file; says whether any was empty and given.</summary>
    private static bool Fill(Supporter supporter, ImportedPerson person, bool apply)
    {
        var changed = false;
        if (supporter.FirstName.Length == 0 && person.FirstName is { } firstName)
        {
            changed = true;
            if (apply)
            {
                supporter.FirstName = firstName;
            }
        }
        if (supporter.LastName.Length == 0 && person.LastName is { } lastName)
        {
            changed = true;
            if (apply)
            {
                supporter.LastName = lastName;
            }
        }
        if (string.IsNullOrEmpty(supporter.PostalCode) && person.PostalCode is { } postalCode)
        {
            changed = true;
            if (apply)
            {
                supporter.PostalCode = postalCode;
            }
        }
        if (string.IsNullOrEmpty(supporter.City) && person.City is { } city)
        {
            changed = true;
            if (apply)
            {
                supporter.City = city;
            }
        }
        if (string.IsNullOrEmpty(supporter.Country) && person.Country is { } country)
        {
            changed = true;
            if (apply)
            {
                supporter.Country = country;
            }
        }
        if (string.IsNullOrEmpty(supporter.Phone) && person.Phone is { } phone)
        {
            changed = true;
            if (apply)
            {
                supporter.Phone = phone;
            }
        }
        return changed;
    }
}
