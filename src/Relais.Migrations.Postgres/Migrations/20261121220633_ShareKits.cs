using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Relais.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class ShareKits : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ShareKitPosts",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "uuid", nullable: false),
                    CampaignId = table.Column<Guid>(type: "uuid", nullable: false),
                    ActionId = table.Column<Guid>(type: "uuid", nullable: false),
                    Network = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Language = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    Text = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    Position = table.Column<int>(type: "integer", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ShareKitPosts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ShareKitPosts_Campaigns_CampaignId",
                        column: x => x.CampaignId,
                        principalTable: "Campaigns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ShareKitPosts_Organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ShareKitPosts_ActionId_Language_Network_Position",
                table: "ShareKitPosts",
                columns: new[] { "ActionId", "Language", "Network", "Position" });

            migrationBuilder.CreateIndex(
                name: "IX_ShareKitPosts_CampaignId",
                table: "ShareKitPosts",
                column: "CampaignId");

            migrationBuilder.CreateIndex(
                name: "IX_ShareKitPosts_OrganizationId_CampaignId",
                table: "ShareKitPosts",
                columns: new[] { "OrganizationId", "CampaignId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ShareKitPosts");
        }
    }
}
