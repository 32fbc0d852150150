using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Relais.Supporters;

namespace Relais.Ladder;

/// <summary>
/// Supporters the ladder must place again. The partial index holds only them, so finding them stays
/// cheap among a million supporters; queries must use <see cref="LadderQueries.DueForLadder"/>, whose
/// predicate is exactly this filter, for the planners to pick the index.
/// </summary>
internal sealed class LadderDueIndexConfiguration : IEntityTypeConfiguration<Supporter>
{
    public const string Name = "IX_Supporters_LadderDue";
    public const string Filter = "\"LadderEvaluatedAt\" IS NULL OR \"LadderEvaluatedAt\" < \"LastActiveAt\"";

    public void Configure(EntityTypeBuilder<Supporter> e) =>
        e.HasIndex(s => s.OrganizationId, Name).HasFilter(Filter);
}
