using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Relais.Migrations.Sqlite.Migrations
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
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Supporters_Segments",
                table: "Supporters");
        }
    }
}
