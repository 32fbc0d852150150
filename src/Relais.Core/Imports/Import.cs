using Relais.Organizations;

namespace Relais.Imports;

public enum ImportStatus
{
    /// <summary>Uploaded, waiting for its column mapping.</summary>
    Uploaded,

    /// <summary>Mapped and queued; the import job picks it up.</summary>
    Queued,

    Running,
    Completed,
    Cancelled,
    Failed,
}

/// <summary>
/// One uploaded file of supporters and its progress. Rows are processed in chunks, each committed
/// with <see cref="ProcessedRows"/>, so a killed process resumes where it stopped.
/// </summary>
public sealed class Import : IOrganizationOwned
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid OrganizationId { get; init; }
    public required string FileName { get; init; }

    /// <summary>Where the uploaded bytes are kept, relative to the data folder.</summary>
    public required string StoredPath { get; init; }

    /// <summary>"csv" or "xlsx".</summary>
    public required string Format { get; init; }

    /// <summary>The text encoding detected or chosen for CSV ("utf-8", "windows-1252").</summary>
    public string? Encoding { get; set; }

    /// <summary>The CSV separator detected or chosen.</summary>
    public string? Delimiter { get; set; }

    /// <summary>Column → supporter field, as JSON.</summary>
    public string Mapping { get; set; } = "{}";

    public ImportStatus Status { get; set; } = ImportStatus.Uploaded;
    public bool DryRun { get; set; }

    /// <summary>The tag put on every imported row, if any.</summary>
    public string? TagName { get; set; }

    /// <summary>
    /// The organizer's declaration of where the people in the file consented to email updates
    /// ("paper sheet, Lyon march, 2026-05-01"); null means nobody in the file is opted in.
    /// </summary>
    public string? ConsentSource { get; set; }

    public int TotalRows { get; set; }
    public int ProcessedRows { get; set; }
    public int Inserted { get; set; }
    public int Updated { get; set; }
    public int Unchanged { get; set; }
    public int Rejected { get; set; }

    public Guid? CreatedBy { get; init; }
    public DateTimeOffset CreatedAt { get; init; } = DateTimeOffset.UtcNow;
    public DateTimeOffset? StartedAt { get; set; }
    public DateTimeOffset? CompletedAt { get; set; }
    public string? Error { get; set; }
}

/// <summary>A row of an import that was not taken, and why.</summary>
public sealed class ImportRejection
{
    public Guid ImportId { get; init; }

    /// <summary>1-based line of the data row in the file (the header is row 0).</summary>
    public int RowNumber { get; init; }

    public required string Reason { get; init; }

    /// <summary>The row as read, cut to a sensible length.</summary>
    public string? Raw { get; init; }
}

/// <summary>A column mapping remembered per organization for files with the same header.</summary>
public sealed class ImportMapping : IOrganizationOwned
{
    public Guid OrganizationId { get; init; }

    /// <summary>SHA-256 of the normalized header row, lower-case hex.</summary>
    public required string HeaderSignature { get; init; }

    public required string Mapping { get; set; }
    public DateTimeOffset UpdatedAt { get; set; } = DateTimeOffset.UtcNow;
}
