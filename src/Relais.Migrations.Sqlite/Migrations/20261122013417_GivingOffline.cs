using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Relais.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class GivingOffline : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "OfflinePaymentSettings",
                columns: table => new
                {
                    OrganizationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    TransferEnabled = table.Column<bool>(type: "INTEGER", nullable: false),
                    Iban = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    Bic = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    AccountHolder = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    ChequeEnabled = table.Column<bool>(type: "INTEGER", nullable: false),
                    ChequePayableTo = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    ChequeAddress = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    CashEnabled = table.Column<bool>(type: "INTEGER", nullable: false),
                    Instructions = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OfflinePaymentSettings", x => x.OrganizationId);
                    table.ForeignKey(
                        name: "FK_OfflinePaymentSettings_Organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "OfflinePaymentSettings");
        }
    }
}
