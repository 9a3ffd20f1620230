using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace WapListing.Infrastructure.Data.Migrations
{
    /// <inheritdoc />
    public partial class ListingTextFilters : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_interactions_contact_id_time",
                table: "interactions");

            // The WhatsApp contact filter tests the stored folded name; its trigram index moves onto that column.
            migrationBuilder.Sql("DROP INDEX ix_interactions_whatsapp_contact_fold;");

            migrationBuilder.AddColumn<string>(
                name: "whats_app_contact_folded",
                table: "interactions",
                type: "text",
                nullable: true,
                computedColumnSql: "wl_fold(whats_app_contact)",
                stored: true);

            migrationBuilder.CreateIndex(
                name: "ix_interactions_contact_id_queue_id_time",
                table: "interactions",
                columns: new[] { "contact_id", "queue_id", "time" });

            migrationBuilder.Sql("CREATE INDEX ix_interactions_whatsapp_contact_fold ON interactions USING gin (whats_app_contact_folded gin_trgm_ops);");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_interactions_contact_id_queue_id_time",
                table: "interactions");

            migrationBuilder.Sql("DROP INDEX ix_interactions_whatsapp_contact_fold;");

            migrationBuilder.DropColumn(
                name: "whats_app_contact_folded",
                table: "interactions");

            migrationBuilder.Sql("CREATE INDEX ix_interactions_whatsapp_contact_fold ON interactions USING gin (wl_fold(whats_app_contact) gin_trgm_ops);");

            migrationBuilder.CreateIndex(
                name: "ix_interactions_contact_id_time",
                table: "interactions",
                columns: new[] { "contact_id", "time" });
        }
    }
}
