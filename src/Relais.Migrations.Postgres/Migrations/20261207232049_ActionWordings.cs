using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Relais.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class ActionWordings : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "IdempotencyKey",
                table: "ItemPledge",
                type: "character varying(32)",
                maxLength: 32,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "ActionWordings",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "uuid", nullable: false),
                    ActionId = table.Column<Guid>(type: "uuid", nullable: false),
                    Form = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Language = table.Column<string>(type: "character varying(5)", maxLength: 5, nullable: false),
                    Text = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ActionWordings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ActionWordings_Organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ItemPledge_DriveId_IdempotencyKey",
                table: "ItemPledge",
                columns: new[] { "DriveId", "IdempotencyKey" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ActionWordings_ActionId_Form_Language",
                table: "ActionWordings",
                columns: new[] { "ActionId", "Form", "Language" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ActionWordings_OrganizationId",
                table: "ActionWordings",
                column: "OrganizationId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ActionWordings");

            migrationBuilder.DropIndex(
                name: "IX_ItemPledge_DriveId_IdempotencyKey",
                table: "ItemPledge");

            migrationBuilder.DropColumn(
                name: "IdempotencyKey",
                table: "ItemPledge");
        }
    }
}
