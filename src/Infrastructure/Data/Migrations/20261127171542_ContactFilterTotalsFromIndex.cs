using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace WapListing.Infrastructure.Data.Migrations
{
    /// <inheritdoc />
    public partial class ContactFilterTotalsFromIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_interactions_contact_id_queue_id_time",
                table: "interactions");

            migrationBuilder.CreateIndex(
                name: "ix_interactions_contact_id_queue_id_time",
                table: "interactions",
                columns: new[] { "contact_id", "queue_id", "time" })
                .Annotation("Npgsql:IndexInclude", new[] { "answered", "is_draft", "missed_state", "wait_time" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_interactions_contact_id_queue_id_time",
                table: "interactions");

            migrationBuilder.CreateIndex(
                name: "ix_interactions_contact_id_queue_id_time",
                table: "interactions",
                columns: new[] { "contact_id", "queue_id", "time" });
        }
    }
}
