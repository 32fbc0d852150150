using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Relais.Data;
using Relais.Organizations;

namespace Relais.Actions;

/// <summary>The public forms of the actions, each with its own consent wording.</summary>
public static class ActionForms
{
    /// <summary>A petition's signature form.</summary>
    public const string Sign = "sign";

    /// <summary>A fundraiser's donate form.</summary>
    public const string Give = "give";

    /// <summary>A drive's pledge form.</summary>
    public const string Pledge = "pledge";

    /// <summary>A fundraiser's form that opens a personal (and maybe team) fundraising page.</summary>
    public const string OpenPage = "open-page";

    public static IReadOnlyList<string> All { get; } = [Sign, Give, Pledge, OpenPage];
}

/// <summary>
/// An organizer's own consent wording for one form of one action in one language. Each edit
/// raises <see cref="Version"/>, and the ledger records the words and version a supporter saw.
/// Without a row the form shows the default of <see cref="ActionWordings"/>.
/// </summary>
public sealed class ActionWording : IOrganizationOwned
{
    public const int TextMax = 2_000;

    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid OrganizationId { get; init; }
    public Guid ActionId { get; init; }
    public required string Form { get; init; }
    public required string Language { get; init; }
    public required string Text { get; set; }
    public int Version { get; set; } = 1;
    public DateTimeOffset UpdatedAt { get; set; }
}

internal sealed class ActionWordingConfiguration : IEntityTypeConfiguration<ActionWording>
{
    public void Configure(EntityTypeBuilder<ActionWording> e)
    {
        e.HasIndex(w => new { w.ActionId, w.Form, w.Language }).IsUnique();
        e.HasIndex(w => w.OrganizationId);
        e.HasOne<Organization>().WithMany().HasForeignKey(w => w.OrganizationId);
        e.Property(w => w.Form).HasMaxLength(20);
        e.Property(w => w.Language).HasMaxLength(5);
        e.Property(w => w.Text).HasMaxLength(ActionWording.TextMax);
    }
}
