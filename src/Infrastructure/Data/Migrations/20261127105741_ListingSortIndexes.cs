using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace WapListing.Infrastructure.Data.Migrations
{
    /// <inheritdoc />
    public partial class ListingSortIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "ix_interactions_answered_id",
                table: "interactions",
                columns: new[] { "answered", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_interactions_duration_id",
                table: "interactions",
                columns: new[] { "duration", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_interactions_missed_time_id",
                table: "interactions",
                columns: new[] { "missed_time", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_interactions_wait_time_id",
                table: "interactions",
                columns: new[] { "wait_time", "id" });

            // The WhatsApp contact sorted in each language's alphabet (the listing's COLLATE "cs-x-icu" / "und-x-icu").
            migrationBuilder.Sql("CREATE INDEX ix_interactions_whatsapp_contact_cs ON interactions ((whats_app_contact COLLATE \"cs-x-icu\"), id);");
            migrationBuilder.Sql("CREATE INDEX ix_interactions_whatsapp_contact_und ON interactions ((whats_app_contact COLLATE \"und-x-icu\"), id);");

            // (customer_number, connector_id) of migration Sending serves every lookup this one did.
            migrationBuilder.Sql("DROP INDEX IF EXISTS ix_interactions_customer_number;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("CREATE INDEX IF NOT EXISTS ix_interactions_customer_number ON interactions (customer_number);");
            migrationBuilder.Sql("DROP INDEX IF EXISTS ix_interactions_whatsapp_contact_und;");
            migrationBuilder.Sql("DROP INDEX IF EXISTS ix_interactions_whatsapp_contact_cs;");

            migrationBuilder.DropIndex(
                name: "ix_interactions_answered_id",
                table: "interactions");

            migrationBuilder.DropIndex(
                name: "ix_interactions_duration_id",
                table: "interactions");

            migrationBuilder.DropIndex(
                name: "ix_interactions_missed_time_id",
                table: "interactions");

            migrationBuilder.DropIndex(
                name: "ix_interactions_wait_time_id",
                table: "interactions");
        }
    }
}
