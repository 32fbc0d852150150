using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Relais.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class Giving : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "StreetAddress",
                table: "Supporters",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "Fundraisers",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "uuid", nullable: false),
                    CampaignId = table.Column<Guid>(type: "uuid", nullable: false),
                    Currency = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: false),
                    GoalMinor = table.Column<long>(type: "bigint", nullable: false),
                    SuggestedAmounts = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    AllowCustomAmount = table.Column<bool>(type: "boolean", nullable: false),
                    AllowDonorMessages = table.Column<bool>(type: "boolean", nullable: false),
                    ShowDonorWall = table.Column<bool>(type: "boolean", nullable: false),
                    AllowPersonalPages = table.Column<bool>(type: "boolean", nullable: false),
                    RequirePageApproval = table.Column<bool>(type: "boolean", nullable: false),
                    IsOpen = table.Column<bool>(type: "boolean", nullable: false),
                    LadderRank = table.Column<int>(type: "integer", nullable: false),
                    RaisedMinor = table.Column<long>(type: "bigint", nullable: false),
                    DonationCount = table.Column<int>(type: "integer", nullable: false),
                    DonorCount = table.Column<int>(type: "integer", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Fundraisers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Fundraisers_Campaigns_CampaignId",
                        column: x => x.CampaignId,
                        principalTable: "Campaigns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_Fundraisers_Organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PaymentEvents",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "uuid", nullable: true),
                    Provider = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    EventId = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Type = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    DonationId = table.Column<Guid>(type: "uuid", nullable: true),
                    ReceivedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PaymentEvents", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "FundraisingTeams",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "uuid", nullable: false),
                    FundraiserId = table.Column<Guid>(type: "uuid", nullable: false),
                    CaptainSupporterId = table.Column<Guid>(type: "uuid", nullable: false),
                    Slug = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    GoalMinor = table.Column<long>(type: "bigint", nullable: false),
                    RaisedMinor = table.Column<long>(type: "bigint", nullable: false),
                    DonationCount = table.Column<int>(type: "integer", nullable: false),
                    DonorCount = table.Column<int>(type: "integer", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FundraisingTeams", x => x.Id);
                    table.ForeignKey(
                        name: "FK_FundraisingTeams_Fundraisers_FundraiserId",
                        column: x => x.FundraiserId,
                        principalTable: "Fundraisers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_FundraisingTeams_Organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_FundraisingTeams_Supporters_CaptainSupporterId",
                        column: x => x.CaptainSupporterId,
                        principalTable: "Supporters",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "FundraisingPages",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "uuid", nullable: false),
                    FundraiserId = table.Column<Guid>(type: "uuid", nullable: false),
                    SupporterId = table.Column<Guid>(type: "uuid", nullable: false),
                    TeamId = table.Column<Guid>(type: "uuid", nullable: true),
                    Slug = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: false),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Story = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: false),
                    GoalMinor = table.Column<long>(type: "bigint", nullable: false),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    RaisedMinor = table.Column<long>(type: "bigint", nullable: false),
                    DonationCount = table.Column<int>(type: "integer", nullable: false),
                    DonorCount = table.Column<int>(type: "integer", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FundraisingPages", x => x.Id);
                    table.ForeignKey(
                        name: "FK_FundraisingPages_Fundraisers_FundraiserId",
                        column: x => x.FundraiserId,
                        principalTable: "Fundraisers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_FundraisingPages_FundraisingTeams_TeamId",
                        column: x => x.TeamId,
                        principalTable: "FundraisingTeams",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_FundraisingPages_Organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_FundraisingPages_Supporters_SupporterId",
                        column: x => x.SupporterId,
                        principalTable: "Supporters",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Donations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "uuid", nullable: false),
                    FundraiserId = table.Column<Guid>(type: "uuid", nullable: false),
                    CampaignId = table.Column<Guid>(type: "uuid", nullable: true),
                    SupporterId = table.Column<Guid>(type: "uuid", nullable: false),
                    FundraisingPageId = table.Column<Guid>(type: "uuid", nullable: true),
                    FundraisingTeamId = table.Column<Guid>(type: "uuid", nullable: true),
                    AmountMinor = table.Column<long>(type: "bigint", nullable: false),
                    Currency = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: false),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Provider = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    OfflineMethod = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    ProviderReference = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    IdempotencyKey = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    DonorMessage = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    IsAnonymous = table.Column<bool>(type: "boolean", nullable: false),
                    DisplayName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    WantsTaxReceipt = table.Column<bool>(type: "boolean", nullable: false),
                    Language = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    Source = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    SettledAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    RefundedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Donations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Donations_Fundraisers_FundraiserId",
                        column: x => x.FundraiserId,
                        principalTable: "Fundraisers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_Donations_FundraisingPages_FundraisingPageId",
                        column: x => x.FundraisingPageId,
                        principalTable: "FundraisingPages",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_Donations_FundraisingTeams_FundraisingTeamId",
                        column: x => x.FundraisingTeamId,
                        principalTable: "FundraisingTeams",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_Donations_Organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_Donations_Supporters_SupporterId",
                        column: x => x.SupporterId,
                        principalTable: "Supporters",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Donations_FundraiserId_IdempotencyKey",
                table: "Donations",
                columns: new[] { "FundraiserId", "IdempotencyKey" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Donations_FundraiserId_Status_CreatedAt",
                table: "Donations",
                columns: new[] { "FundraiserId", "Status", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Donations_FundraisingPageId",
                table: "Donations",
                column: "FundraisingPageId");

            migrationBuilder.CreateIndex(
                name: "IX_Donations_FundraisingTeamId",
                table: "Donations",
                column: "FundraisingTeamId");

            migrationBuilder.CreateIndex(
                name: "IX_Donations_OrganizationId",
                table: "Donations",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_Donations_Provider_ProviderReference",
                table: "Donations",
                columns: new[] { "Provider", "ProviderReference" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Donations_SupporterId_Status",
                table: "Donations",
                columns: new[] { "SupporterId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_Fundraisers_CampaignId",
                table: "Fundraisers",
                column: "CampaignId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Fundraisers_OrganizationId",
                table: "Fundraisers",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_FundraisingPages_FundraiserId_SupporterId",
                table: "FundraisingPages",
                columns: new[] { "FundraiserId", "SupporterId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_FundraisingPages_OrganizationId",
                table: "FundraisingPages",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_FundraisingPages_Slug",
                table: "FundraisingPages",
                column: "Slug",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_FundraisingPages_SupporterId",
                table: "FundraisingPages",
                column: "SupporterId");

            migrationBuilder.CreateIndex(
                name: "IX_FundraisingPages_TeamId",
                table: "FundraisingPages",
                column: "TeamId");

            migrationBuilder.CreateIndex(
                name: "IX_FundraisingTeams_CaptainSupporterId",
                table: "FundraisingTeams",
                column: "CaptainSupporterId");

            migrationBuilder.CreateIndex(
                name: "IX_FundraisingTeams_FundraiserId_Name",
                table: "FundraisingTeams",
                columns: new[] { "FundraiserId", "Name" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_FundraisingTeams_OrganizationId",
                table: "FundraisingTeams",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_FundraisingTeams_Slug",
                table: "FundraisingTeams",
                column: "Slug",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PaymentEvents_DonationId",
                table: "PaymentEvents",
                column: "DonationId");

            migrationBuilder.CreateIndex(
                name: "IX_PaymentEvents_Provider_EventId",
                table: "PaymentEvents",
                columns: new[] { "Provider", "EventId" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Donations");

            migrationBuilder.DropTable(
                name: "PaymentEvents");

            migrationBuilder.DropTable(
                name: "FundraisingPages");

            migrationBuilder.DropTable(
                name: "FundraisingTeams");

            migrationBuilder.DropTable(
                name: "Fundraisers");

            migrationBuilder.DropColumn(
                name: "StreetAddress",
                table: "Supporters");
        }
    }
}
