using Relais.Organizations;

namespace Relais.Receipts;

/// <summary>The statuses of the beneficiary that the Cerfa 11580 lists as checkboxes.</summary>
[Flags]
public enum BeneficiaryStatus
{
    None = 0,

    /// <summary>Association ou fondation reconnue d'utilité publique.</summary>
    PublicUtility = 1,

    /// <summary>Fondation universitaire ou fondation partenariale.</summary>
    UniversityFoundation = 2,

    /// <summary>Fondation d'entreprise.</summary>
    CorporateFoundation = 4,

    /// <summary>Œuvre ou organisme d'intérêt général.</summary>
    GeneralInterest = 8,

    /// <summary>Association ou fondation dont l'objet est l'aide alimentaire, les soins médicaux ou le logement de personnes en difficulté.</summary>
    HelpForPeopleInNeed = 16,

    /// <summary>Établissement de recherche ou d'enseignement supérieur, public ou privé, d'intérêt général, à but non lucratif.</summary>
    ResearchOrEducation = 32,

    /// <summary>Association cultuelle ou de bienfaisance, établissement public des cultes d'Alsace-Moselle.</summary>
    WorshipOrCharity = 64,

    /// <summary>Autre organisme (described in <see cref="ReceiptSettings.OtherStatus"/>).</summary>
    Other = 128,
}

/// <summary>The CGI articles under which the donor may claim a tax reduction.</summary>
[Flags]
public enum TaxArticles
{
    None = 0,

    /// <summary>Article 200 (income tax, individuals).</summary>
    Article200 = 1,

    /// <summary>Article 238 bis (companies).</summary>
    Article238Bis = 2,

    /// <summary>Article 978 (real-estate wealth tax).</summary>
    Article978 = 4,
}

/// <summary>
/// What an organization prints on its French tax receipts (Cerfa 11580): who it is, what it does,
/// its status and who signs. One row per organization, absent until first saved.
/// </summary>
public sealed class ReceiptSettings : IOrganizationOwned
{
    public const int TextMax = 300;

    public Guid OrganizationId { get; set; }

    /// <summary>The organization issues French tax receipts ("reçus fiscaux").</summary>
    public bool TaxReceiptsEnabled { get; set; }

    public string LegalName { get; set; } = "";
    public string StreetAddress { get; set; } = "";
    public string PostalCode { get; set; } = "";
    public string City { get; set; } = "";

    /// <summary>The organization's object ("objet"), as in its statutes.</summary>
    public string Purpose { get; set; } = "";

    public BeneficiaryStatus Status { get; set; }

    /// <summary>The decree's date for public utility, or what "other organism" means.</summary>
    public string? StatusDetail { get; set; }

    public TaxArticles Articles { get; set; } = TaxArticles.Article200;

    public string SignatoryName { get; set; } = "";
    public string SignatoryRole { get; set; } = "";

    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>Whether everything the receipt needs is filled in.</summary>
    public bool IsComplete =>
        LegalName.Length > 0 && StreetAddress.Length > 0 && PostalCode.Length > 0 && City.Length > 0
        && Purpose.Length > 0 && Status != BeneficiaryStatus.None && Articles != TaxArticles.None
        && SignatoryName.Length > 0 && SignatoryRole.Length > 0;
}
