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

    // Id makes the index cover the job's query (it selects ids): without statistics SQLite otherwise
    // weighs every (OrganizationId, …) index alike, and a wider Supporters row tipped it elsewhere.
    public void Configure(EntityTypeBuilder<Supporter> e) =>
        e.HasIndex(s => new { s.OrganizationId, s.Id }, Name).HasFilter(Filter);
}
