using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Relais.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class Relays : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "ReferredById",
                table: "Supporters",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "RelayBoardName",
                table: "Supporters",
                type: "character varying(60)",
                maxLength: 60,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "ShowOnRelayBoard",
                table: "Supporters",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<Guid>(
                name: "ReferredSupporterId",
                table: "Activities",
                type: "uuid",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "RelayClicks",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "uuid", nullable: false),
                    RelayId = table.Column<Guid>(type: "uuid", nullable: false),
                    CampaignId = table.Column<Guid>(type: "uuid", nullable: false),
                    ActionId = table.Column<Guid>(type: "uuid", nullable: true),
                    Network = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    ClickedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RelayClicks", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RelayClicks_Campaigns_CampaignId",
                        column: x => x.CampaignId,
                        principalTable: "Campaigns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_RelayClicks_Organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_RelayClicks_Supporters_RelayId",
                        column: x => x.RelayId,
                        principalTable: "Supporters",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Supporters_OrganizationId_ReferredById",
                table: "Supporters",
                columns: new[] { "OrganizationId", "ReferredById" });

            migrationBuilder.CreateIndex(
                name: "UX_Activities_Referred_Once",
                table: "Activities",
                columns: new[] { "SupporterId", "ReferredSupporterId", "ActionId" },
                unique: true,
                filter: "\"Type\" = 'Referred'");

            migrationBuilder.CreateIndex(
                name: "IX_RelayClicks_CampaignId",
                table: "RelayClicks",
                column: "CampaignId");

            migrationBuilder.CreateIndex(
                name: "IX_RelayClicks_OrganizationId_CampaignId_ClickedAt",
                table: "RelayClicks",
                columns: new[] { "OrganizationId", "CampaignId", "ClickedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_RelayClicks_RelayId",
                table: "RelayClicks",
                column: "RelayId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "RelayClicks");

            migrationBuilder.DropIndex(
                name: "IX_Supporters_OrganizationId_ReferredById",
                table: "Supporters");

            migrationBuilder.DropIndex(
                name: "UX_Activities_Referred_Once",
                table: "Activities");

            migrationBuilder.DropColumn(
                name: "ReferredById",
                table: "Supporters");

            migrationBuilder.DropColumn(
                name: "RelayBoardName",
                table: "Supporters");

            migrationBuilder.DropColumn(
                name: "ShowOnRelayBoard",
                table: "Supporters");

            migrationBuilder.DropColumn(
                name: "ReferredSupporterId",
                table: "Activities");
        }
    }
}
