using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Relais.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class RecipientAccepted : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "AcceptedAt",
                table: "MessageRecipients",
                type: "INTEGER",
                nullable: true);

            // Copies sent before the server's confirmation was recorded were all confirmed.
            migrationBuilder.Sql("""UPDATE "MessageRecipients" SET "AcceptedAt" = "SentAt" WHERE "Status" = 'Sent'""");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "AcceptedAt",
                table: "MessageRecipients");
        }
    }
}
