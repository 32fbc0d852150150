using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Relais.Data;
using Relais.Imports;
using Relais.Organizations;

namespace Relais.Cli;

/// <summary>`relais import FILE --org SLUG`: the same import as the admin pages, run in the foreground.</summary>
internal static class ImportCommand
{
    public static Command Create(DatabaseArguments database, TextWriter output)
    {
        var file = new Argument<FileInfo>("file") { Description = "A .csv or .xlsx file whose first line names the columns" };
        var organization = new Option<string>("--org") { Description = "Slug of the organization to import into", Required = true };
        var map = new Option<string?>("--map")
        {
            Description = "Column mapping overriding the guess, e.g. \"Courriel=Email,Ville=City,Remarque=\" (empty: ignored)",
        };
        var tag = new Option<string?>("--tag") { Description = "Tag everyone in the file" };
        var consent = new Option<string?>("--consent-everyone")
        {
            Description = "Everyone in the file agreed to email updates: where and when (kept as the consent's wording)",
        };
        var dryRun = new Option<bool>("--dry-run") { Description = "Check the whole file and report, without writing supporters" };
        var command = new Command("import", "Import supporters from a CSV or XLSX file.") { file, organization, map, tag, consent, dryRun };
        command.SetAction(async (result, ct) =>
        {
            await using var app = Host.Build(database.Settings(result));
            await Host.MigrateAsync(app.Services, ct);
            var source = result.GetValue(file)!;
            if (!source.Exists || ImportFile.FormatOf(source.Name) is not { } format)
            {
                await output.WriteLineAsync("Give an existing .csv or .xlsx file.");
                return 2;
            }
            await using var scope = app.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<RelaisDb>();
            var slug = result.GetValue(organization);
            var organizationId = await db.Organizations.Where(o => o.Slug == slug).Select(o => (Guid?)o.Id).SingleOrDefaultAsync(ct);
            if (organizationId is not { } orgId)
            {
                await output.WriteLineAsync($"No organization '{slug}'.");
                return 2;
            }
            var id = Guid.CreateVersion7();
            var storedPath = Path.Combine("imports", $"{id}.{format}");
            var folder = Path.GetFullPath(app.Services.GetRequiredService<IOptions<DatabaseOptions>>().Value.DataFolder);
            Directory.CreateDirectory(Path.Combine(folder, "imports"));
            File.Copy(source.FullName, Path.Combine(folder, storedPath));
            var clock = Stopwatch.StartNew();
            var analysis = ImportFile.Analyze(Path.Combine(folder, storedPath), format);
            if (analysis.Problem is { } problem)
            {
                File.Delete(Path.Combine(folder, storedPath));
                await output.WriteLineAsync(problem.MessageKey);
                return 1;
            }
            var signature = ImportColumnMap.HeaderSignature(analysis.Header);
            var remembered = await db.ImportMappings.InOrganization(orgId).Where(m => m.HeaderSignature == signature).Select(m => m.Mapping).SingleOrDefaultAsync(ct);
            var columns = (remembered is null ? HeaderGuess.Guess(analysis.Header) : ImportColumnMap.FromJson(remembered, analysis.Header.Count)).Columns.ToArray();
            foreach (var pair in (result.GetValue(map) ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                var (column, field) = (pair.Split('=')[0].Trim(), pair.Contains('=') ? pair[(pair.IndexOf('=') + 1)..].Trim() : "");
                var index = analysis.Header.ToList().FindIndex(h => string.Equals(h.Trim(), column, StringComparison.OrdinalIgnoreCase));
                if (index < 0 || (field.Length > 0 && !Enum.TryParse<ImportField>(field, ignoreCase: true, out _)))
                {
                    await output.WriteLineAsync($"Unknown column or field in --map: {pair}");
                    return 2;
                }
                columns[index] = field.Length == 0 ? null : Enum.Parse<ImportField>(field, ignoreCase: true);
            }
            var declaration = result.GetValue(consent);
            var mapping = new ImportColumnMap(columns, declaration is null ? ImportConsentMode.Nobody : ImportConsentMode.Everyone);
            if (mapping.Validate(analysis.Header, declaration).FirstOrDefault() is { } invalid)
            {
                await output.WriteLineAsync(string.Format(CultureInfo.InvariantCulture, invalid.MessageKey, invalid.Arguments));
                return 2;
            }
            var import = new Import
            {
                Id = id,
                OrganizationId = orgId,
                FileName = source.Name,
                StoredPath = storedPath,
                Format = format,
                Encoding = analysis.Encoding,
                Delimiter = analysis.Delimiter,
                TotalRows = analysis.TotalRows,
                Mapping = mapping.ToJson(),
                TagName = result.GetValue(tag),
                ConsentSource = declaration,
                DryRun = result.GetValue(dryRun),
                Status = ImportStatus.Queued,
            };
            db.Imports.Add(import);
            await db.SaveChangesAsync(ct);
            var analyzed = clock.Elapsed;
            await app.Services.GetRequiredService<ImportRunner>().RunAsync(id, ct);
            var run = clock.Elapsed - analyzed;
            var done = await db.Imports.AsNoTracking().SingleAsync(i => i.Id == id, ct);
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"{done.Status}{(done.DryRun ? " (dry run)" : "")}: {done.ProcessedRows} rows, {done.Inserted} inserted, {done.Updated} updated, {done.Unchanged} unchanged, {done.Rejected} rejected"));
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"read in {analyzed.TotalSeconds:0.0} s, imported in {run.TotalSeconds:0.0} s ({done.ProcessedRows / Math.Max(run.TotalSeconds, 0.001):0} rows/s); peak memory {Process.GetCurrentProcess().PeakWorkingSet64 / (1024 * 1024)} MB"));
            if (done.Error is not null)
            {
                await output.WriteLineAsync(done.Error);
            }
            return done.Status == ImportStatus.Completed ? 0 : 1;
        });
        return command;
    }
}
