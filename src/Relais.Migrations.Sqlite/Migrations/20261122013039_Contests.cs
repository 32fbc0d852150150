using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Relais.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Contests : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Contests",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Slug = table.Column<string>(type: "TEXT", maxLength: 80, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Currency = table.Column<string>(type: "TEXT", maxLength: 3, nullable: false),
                    EntryKind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    StartsAt = table.Column<long>(type: "INTEGER", nullable: false),
                    EndsAt = table.Column<long>(type: "INTEGER", nullable: false),
                    BonusStartsAt = table.Column<long>(type: "INTEGER", nullable: true),
                    BonusEndsAt = table.Column<long>(type: "INTEGER", nullable: true),
                    JoinCode = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    FrozenAt = table.Column<long>(type: "INTEGER", nullable: true),
                    BoardVersion = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Contests", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Contests_Organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ContestEntries",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ContestId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    FundraiserId = table.Column<Guid>(type: "TEXT", nullable: true),
                    TeamId = table.Column<Guid>(type: "TEXT", nullable: true),
                    DisplayName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ContestEntries", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ContestEntries_Contests_ContestId",
                        column: x => x.ContestId,
                        principalTable: "Contests",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ContestEntries_Fundraisers_FundraiserId",
                        column: x => x.FundraiserId,
                        principalTable: "Fundraisers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ContestEntries_FundraisingTeams_TeamId",
                        column: x => x.TeamId,
                        principalTable: "FundraisingTeams",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ContestEntries_Organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ContestDonors",
                columns: table => new
                {
                    EntryId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Board = table.Column<int>(type: "INTEGER", nullable: false),
                    SupporterId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Donations = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ContestDonors", x => new { x.EntryId, x.Board, x.SupporterId });
                    table.ForeignKey(
                        name: "FK_ContestDonors_ContestEntries_EntryId",
                        column: x => x.EntryId,
                        principalTable: "ContestEntries",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ContestTallies",
                columns: table => new
                {
                    EntryId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Board = table.Column<int>(type: "INTEGER", nullable: false),
                    ContestId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AmountMinor = table.Column<long>(type: "INTEGER", nullable: false),
                    DonationCount = table.Column<int>(type: "INTEGER", nullable: false),
                    DonorCount = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ContestTallies", x => new { x.EntryId, x.Board });
                    table.ForeignKey(
                        name: "FK_ContestTallies_ContestEntries_EntryId",
                        column: x => x.EntryId,
                        principalTable: "ContestEntries",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ContestEntries_ContestId_FundraiserId",
                table: "ContestEntries",
                columns: new[] { "ContestId", "FundraiserId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ContestEntries_ContestId_TeamId",
                table: "ContestEntries",
                columns: new[] { "ContestId", "TeamId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ContestEntries_FundraiserId",
                table: "ContestEntries",
                column: "FundraiserId");

            migrationBuilder.CreateIndex(
                name: "IX_ContestEntries_OrganizationId",
                table: "ContestEntries",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_ContestEntries_TeamId",
                table: "ContestEntries",
                column: "TeamId");

            migrationBuilder.CreateIndex(
                name: "IX_Contests_JoinCode",
                table: "Contests",
                column: "JoinCode",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Contests_OrganizationId",
                table: "Contests",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_Contests_Slug",
                table: "Contests",
                column: "Slug",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ContestTallies_ContestId_Board_AmountMinor",
                table: "ContestTallies",
                columns: new[] { "ContestId", "Board", "AmountMinor" });

            migrationBuilder.CreateIndex(
                name: "IX_ContestTallies_ContestId_Board_DonorCount",
                table: "ContestTallies",
                columns: new[] { "ContestId", "Board", "DonorCount" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ContestDonors");

            migrationBuilder.DropTable(
                name: "ContestTallies");

            migrationBuilder.DropTable(
                name: "ContestEntries");

            migrationBuilder.DropTable(
                name: "Contests");
        }
    }
}
