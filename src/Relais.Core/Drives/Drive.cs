using Relais.Campaigns;
using Relais.Organizations;

namespace Relais.Drives;

/// <summary>An in-kind drive of a campaign (one per campaign): what is needed and where to bring it.</summary>
public sealed class Drive : IOrganizationOwned
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid OrganizationId { get; set; }
    public Guid CampaignId { get; set; }
    public Campaign? Campaign { get; set; }

    /// <summary>Whether supporters may pledge; receptions are recorded either way.</summary>
    public bool IsOpen { get; set; } = true;

    /// <summary>The ladder level this action belongs to, for offering it as someone's next step.</summary>
    public int LadderRank { get; set; } = 3;

    public DateTimeOffset CreatedAt { get; init; } = DateTimeOffset.UtcNow;

    public List<DriveNeed> Needs { get; } = [];
    public List<DropOffPoint> Points { get; } = [];
}

public enum NeedPeriod
{
    /// <summary>The wanted quantity is for the whole drive.</summary>
    Total,

    /// <summary>The wanted quantity is wanted again each day (300 nappies a day).</summary>
    PerDay,
}

/// <summary>One item a drive asks for, with the running totals pledged and received.</summary>
public sealed class DriveNeed : IOrganizationOwned
{
    public const int ItemMax = 100;
    public const int UnitMax = 40;

    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid OrganizationId { get; set; }
    public Guid DriveId { get; set; }
    public string Item { get; set; } = "";
    public string Unit { get; set; } = "";
    public int QuantityWanted { get; set; }
    public NeedPeriod Period { get; set; }
    public int Position { get; set; }

    /// <summary>
    /// Totals over all pledges (not cancelled) and over the effective receptions, changed only in the
    /// transaction that records a pledge or a reception, so that pages never sum them.
    /// </summary>
    public long PledgedQuantity { get; set; }
    public long ReceivedQuantity { get; set; }
}

/// <summary>A place where pledged items are brought, open on some weekdays.</summary>
public sealed class DropOffPoint : IOrganizationOwned
{
    public const int NameMax = 100;
    public const int AddressMax = 200;
    public const int CityMax = 100;
    public const int NotesMax = 500;

    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid OrganizationId { get; set; }
    public Guid DriveId { get; set; }
    public string Name { get; set; } = "";
    public string Address { get; set; } = "";
    public string City { get; set; } = "";

    /// <summary>The opening hours as <see cref="WeeklyHours"/> writes them.</summary>
    public string OpeningHours { get; set; } = "";

    public string? Notes { get; set; }

    public WeeklyHours Hours => WeeklyHours.Parse(OpeningHours);
}
