using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Relais.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class SegmentIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_Supporters_Segments",
                table: "Supporters",
                columns: new[] { "OrganizationId", "Id", "Country", "LadderRank" },
                filter: "\"ErasedAt\" IS NULL");

            // The planner takes an action's id and the activity type as independent, so it guessed a
            // petition's signers at 80,000 of 200,000, chose a hash join for a segment count and spilt
            // it to disk. Statistics on the pair let it see that the merge join is cheaper. Autovacuum
            // would only fill them after a tenth of the table changed, hence the ANALYZE (a sample: seconds).
            migrationBuilder.Sql("""CREATE STATISTICS "ST_Activities_ActionId_Type" (mcv) ON "ActionId", "Type" FROM "Activities" """);
            migrationBuilder.Sql("""ANALYZE "Activities" """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""DROP STATISTICS "ST_Activities_ActionId_Type" """);

            migrationBuilder.DropIndex(
                name: "IX_Supporters_Segments",
                table: "Supporters");
        }
    }
}
