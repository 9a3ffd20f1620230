using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace WapListing.Infrastructure.Data.Migrations
{
    /// <inheritdoc />
    public partial class TicketNumberSequence : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateSequence<int>(
                name: "ticket_numbers",
                startValue: 1001L);

            // Existing databases already hold numbered tickets: the sequence continues above the highest of them
            // (an empty table keeps the start value, 1001).
            migrationBuilder.Sql("SELECT setval('ticket_numbers', max(number)) FROM tickets HAVING max(number) >= 1001;");

            migrationBuilder.AlterColumn<int>(
                name: "number",
                table: "tickets",
                type: "integer",
                nullable: false,
                defaultValueSql: "nextval('ticket_numbers')",
                oldClrType: typeof(int),
                oldType: "integer");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // The column's default uses the sequence, so it goes first.
            migrationBuilder.AlterColumn<int>(
                name: "number",
                table: "tickets",
                type: "integer",
                nullable: false,
                oldClrType: typeof(int),
                oldType: "integer",
                oldDefaultValueSql: "nextval('ticket_numbers')");

            migrationBuilder.DropSequence(
                name: "ticket_numbers");
        }
    }
}
