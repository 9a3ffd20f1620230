using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace WapListing.Infrastructure.Data.Migrations
{
    /// <inheritdoc />
    public partial class StatusCallbackData : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "callback_data",
                table: "delivery_status_reports",
                type: "character varying(512)",
                maxLength: 512,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "ix_delivery_status_reports_callback_data",
                table: "delivery_status_reports",
                column: "callback_data",
                filter: "callback_data IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_delivery_status_reports_callback_data",
                table: "delivery_status_reports");

            migrationBuilder.DropColumn(
                name: "callback_data",
                table: "delivery_status_reports");
        }
    }
}
