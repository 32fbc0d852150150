using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Relais.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class LadderDueCovering : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Supporters_LadderDue",
                table: "Supporters");

            migrationBuilder.CreateIndex(
                name: "IX_Supporters_LadderDue",
                table: "Supporters",
                columns: new[] { "OrganizationId", "Id" },
                filter: "\"LadderEvaluatedAt\" IS NULL OR \"LadderEvaluatedAt\" < \"LastActiveAt\"");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Supporters_LadderDue",
                table: "Supporters");

            migrationBuilder.CreateIndex(
                name: "IX_Supporters_LadderDue",
                table: "Supporters",
                column: "OrganizationId",
                filter: "\"LadderEvaluatedAt\" IS NULL OR \"LadderEvaluatedAt\" < \"LastActiveAt\"");
        }
    }
}
