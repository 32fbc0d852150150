using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Relais.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class Drives : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Drive",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "uuid", nullable: false),
                    CampaignId = table.Column<Guid>(type: "uuid", nullable: false),
                    IsOpen = table.Column<bool>(type: "boolean", nullable: false),
                    LadderRank = table.Column<int>(type: "integer", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Drive", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Drive_Campaigns_CampaignId",
                        column: x => x.CampaignId,
                        principalTable: "Campaigns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_Drive_Organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "DriveNeed",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "uuid", nullable: false),
                    DriveId = table.Column<Guid>(type: "uuid", nullable: false),
                    Item = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Unit = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    QuantityWanted = table.Column<int>(type: "integer", nullable: false),
                    Period = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    Position = table.Column<int>(type: "integer", nullable: false),
                    PledgedQuantity = table.Column<long>(type: "bigint", nullable: false),
                    ReceivedQuantity = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DriveNeed", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DriveNeed_Drive_DriveId",
                        column: x => x.DriveId,
                        principalTable: "Drive",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_DriveNeed_Organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "DropOffPoint",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "uuid", nullable: false),
                    DriveId = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Address = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    City = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    OpeningHours = table.Column<string>(type: "character varying(600)", maxLength: 600, nullable: false),
                    Notes = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DropOffPoint", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DropOffPoint_Drive_DriveId",
                        column: x => x.DriveId,
                        principalTable: "Drive",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_DropOffPoint_Organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ItemPledge",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "uuid", nullable: false),
                    DriveId = table.Column<Guid>(type: "uuid", nullable: false),
                    NeedId = table.Column<Guid>(type: "uuid", nullable: false),
                    SupporterId = table.Column<Guid>(type: "uuid", nullable: false),
                    DropOffPointId = table.Column<Guid>(type: "uuid", nullable: false),
                    DropOffDate = table.Column<DateOnly>(type: "date", nullable: false),
                    Quantity = table.Column<int>(type: "integer", nullable: false),
                    Code = table.Column<string>(type: "character varying(22)", maxLength: 22, nullable: false),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    IsBeyondNeed = table.Column<bool>(type: "boolean", nullable: false),
                    ReceivedQuantity = table.Column<long>(type: "bigint", nullable: false),
                    Language = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    ReminderSentAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ItemPledge", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ItemPledge_DriveNeed_NeedId",
                        column: x => x.NeedId,
                        principalTable: "DriveNeed",
                        principalColumn: "Id");
                    table.ForeignKey(
                        name: "FK_ItemPledge_Drive_DriveId",
                        column: x => x.DriveId,
                        principalTable: "Drive",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ItemPledge_DropOffPoint_DropOffPointId",
                        column: x => x.DropOffPointId,
                        principalTable: "DropOffPoint",
                        principalColumn: "Id");
                    table.ForeignKey(
                        name: "FK_ItemPledge_Organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ItemPledge_Supporters_SupporterId",
                        column: x => x.SupporterId,
                        principalTable: "Supporters",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "DriveReception",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "uuid", nullable: false),
                    DriveId = table.Column<Guid>(type: "uuid", nullable: false),
                    NeedId = table.Column<Guid>(type: "uuid", nullable: false),
                    PledgeId = table.Column<Guid>(type: "uuid", nullable: true),
                    Quantity = table.Column<int>(type: "integer", nullable: false),
                    SupersedesId = table.Column<Guid>(type: "uuid", nullable: true),
                    RecordedBy = table.Column<string>(type: "character varying(320)", maxLength: 320, nullable: false),
                    RecordedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Note = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DriveReception", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DriveReception_DriveNeed_NeedId",
                        column: x => x.NeedId,
                        principalTable: "DriveNeed",
                        principalColumn: "Id");
                    table.ForeignKey(
                        name: "FK_DriveReception_DriveReception_SupersedesId",
                        column: x => x.SupersedesId,
                        principalTable: "DriveReception",
                        principalColumn: "Id");
                    table.ForeignKey(
                        name: "FK_DriveReception_Drive_DriveId",
                        column: x => x.DriveId,
                        principalTable: "Drive",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_DriveReception_ItemPledge_PledgeId",
                        column: x => x.PledgeId,
                        principalTable: "ItemPledge",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_DriveReception_Organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Drive_CampaignId",
                table: "Drive",
                column: "CampaignId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Drive_OrganizationId",
                table: "Drive",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_DriveNeed_DriveId",
                table: "DriveNeed",
                column: "DriveId");

            migrationBuilder.CreateIndex(
                name: "IX_DriveNeed_OrganizationId",
                table: "DriveNeed",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_DriveReception_DriveId_NeedId",
                table: "DriveReception",
                columns: new[] { "DriveId", "NeedId" });

            migrationBuilder.CreateIndex(
                name: "IX_DriveReception_NeedId",
                table: "DriveReception",
                column: "NeedId");

            migrationBuilder.CreateIndex(
                name: "IX_DriveReception_OrganizationId",
                table: "DriveReception",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_DriveReception_PledgeId",
                table: "DriveReception",
                column: "PledgeId");

            migrationBuilder.CreateIndex(
                name: "IX_DriveReception_SupersedesId",
                table: "DriveReception",
                column: "SupersedesId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_DropOffPoint_DriveId",
                table: "DropOffPoint",
                column: "DriveId");

            migrationBuilder.CreateIndex(
                name: "IX_DropOffPoint_OrganizationId",
                table: "DropOffPoint",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_ItemPledge_Code",
                table: "ItemPledge",
                column: "Code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ItemPledge_DriveId_NeedId_DropOffDate",
                table: "ItemPledge",
                columns: new[] { "DriveId", "NeedId", "DropOffDate" });

            migrationBuilder.CreateIndex(
                name: "IX_ItemPledge_DropOffDate_ReminderSentAt",
                table: "ItemPledge",
                columns: new[] { "DropOffDate", "ReminderSentAt" });

            migrationBuilder.CreateIndex(
                name: "IX_ItemPledge_DropOffPointId",
                table: "ItemPledge",
                column: "DropOffPointId");

            migrationBuilder.CreateIndex(
                name: "IX_ItemPledge_NeedId",
                table: "ItemPledge",
                column: "NeedId");

            migrationBuilder.CreateIndex(
                name: "IX_ItemPledge_OrganizationId",
                table: "ItemPledge",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_ItemPledge_SupporterId",
                table: "ItemPledge",
                column: "SupporterId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "DriveReception");

            migrationBuilder.DropTable(
                name: "ItemPledge");

            migrationBuilder.DropTable(
                name: "DriveNeed");

            migrationBuilder.DropTable(
                name: "DropOffPoint");

            migrationBuilder.DropTable(
                name: "Drive");
        }
    }
}
