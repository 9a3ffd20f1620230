using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace WapListing.Infrastructure.Data.Migrations
{
    /// <inheritdoc />
    public partial class LeanerInteractionIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_interactions_anonymized_by_id",
                table: "interactions");

            migrationBuilder.DropIndex(
                name: "ix_interactions_contact_id",
                table: "interactions");

            migrationBuilder.DropIndex(
                name: "ix_interactions_contacted_back_by_id",
                table: "interactions");

            migrationBuilder.CreateIndex(
                name: "ix_interactions_anonymized_by_id",
                table: "interactions",
                column: "anonymized_by_id",
                filter: "anonymized_by_id IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_interactions_contact_id_time",
                table: "interactions",
                columns: new[] { "contact_id", "time" });

            migrationBuilder.CreateIndex(
                name: "ix_interactions_contacted_back_by_id",
                table: "interactions",
                column: "contacted_back_by_id",
                filter: "contacted_back_by_id IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_interactions_anonymized_by_id",
                table: "interactions");

            migrationBuilder.DropIndex(
                name: "ix_interactions_contact_id_time",
                table: "interactions");

            migrationBuilder.DropIndex(
                name: "ix_interactions_contacted_back_by_id",
                table: "interactions");

            migrationBuilder.CreateIndex(
                name: "ix_interactions_anonymized_by_id",
                table: "interactions",
                column: "anonymized_by_id");

            migrationBuilder.CreateIndex(
                name: "ix_interactions_contact_id",
                table: "interactions",
                column: "contact_id");

            migrationBuilder.CreateIndex(
                name: "ix_interactions_contacted_back_by_id",
                table: "interactions",
                column: "contacted_back_by_id");
        }
    }
}
