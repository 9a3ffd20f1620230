using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace WapListing.Infrastructure.Data.Migrations
{
    /// <inheritdoc />
    public partial class ManageAndApiKeys : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_audit_entries_user_id",
                table: "audit_entries");

            migrationBuilder.AddColumn<uint>(
                name: "xmin",
                table: "users",
                type: "xid",
                rowVersion: true,
                nullable: false,
                defaultValue: 0u);

            migrationBuilder.AddColumn<uint>(
                name: "xmin",
                table: "user_groups",
                type: "xid",
                rowVersion: true,
                nullable: false,
                defaultValue: 0u);

            migrationBuilder.AddColumn<uint>(
                name: "xmin",
                table: "queues",
                type: "xid",
                rowVersion: true,
                nullable: false,
                defaultValue: 0u);

            migrationBuilder.AddColumn<uint>(
                name: "xmin",
                table: "queue_groups",
                type: "xid",
                rowVersion: true,
                nullable: false,
                defaultValue: 0u);

            migrationBuilder.AddColumn<int>(
                name: "default_queue_id",
                table: "connectors",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "protected_access_token",
                table: "connectors",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "protected_app_secret",
                table: "connectors",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "protected_verify_token",
                table: "connectors",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "whats_app_business_account_id",
                table: "connectors",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "whats_app_phone_number_id",
                table: "connectors",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<uint>(
                name: "xmin",
                table: "connectors",
                type: "xid",
                rowVersion: true,
                nullable: false,
                defaultValue: 0u);

            migrationBuilder.CreateTable(
                name: "api_keys",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    user_id = table.Column<int>(type: "integer", nullable: false),
                    scopes = table.Column<int>(type: "integer", maxLength: 32, nullable: false),
                    prefix = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    secret_hash = table.Column<byte[]>(type: "bytea", maxLength: 32, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    created_by_id = table.Column<int>(type: "integer", nullable: true),
                    expires_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    revoked_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    last_used_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_api_keys", x => x.id);
                    table.ForeignKey(
                        name: "fk_api_keys_asp_net_users_created_by_id",
                        column: x => x.created_by_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "fk_api_keys_users_user_id",
                        column: x => x.user_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_connectors_default_queue_id",
                table: "connectors",
                column: "default_queue_id");

            migrationBuilder.CreateIndex(
                name: "ix_connectors_whats_app_phone_number_id",
                table: "connectors",
                column: "whats_app_phone_number_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_audit_entries_action_time",
                table: "audit_entries",
                columns: new[] { "action", "time" });

            migrationBuilder.CreateIndex(
                name: "ix_audit_entries_user_id_time",
                table: "audit_entries",
                columns: new[] { "user_id", "time" });

            migrationBuilder.CreateIndex(
                name: "ix_api_keys_created_by_id",
                table: "api_keys",
                column: "created_by_id");

            migrationBuilder.CreateIndex(
                name: "ix_api_keys_secret_hash",
                table: "api_keys",
                column: "secret_hash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_api_keys_user_id",
                table: "api_keys",
                column: "user_id");

            migrationBuilder.AddForeignKey(
                name: "fk_connectors_queues_default_queue_id",
                table: "connectors",
                column: "default_queue_id",
                principalTable: "queues",
                principalColumn: "id",
                onDelete: ReferentialAction.SetNull);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "fk_connectors_queues_default_queue_id",
                table: "connectors");

            migrationBuilder.DropTable(
                name: "api_keys");

            migrationBuilder.DropIndex(
                name: "ix_connectors_default_queue_id",
                table: "connectors");

            migrationBuilder.DropIndex(
                name: "ix_connectors_whats_app_phone_number_id",
                table: "connectors");

            migrationBuilder.DropIndex(
                name: "ix_audit_entries_action_time",
                table: "audit_entries");

            migrationBuilder.DropIndex(
                name: "ix_audit_entries_user_id_time",
                table: "audit_entries");

            migrationBuilder.DropColumn(
                name: "xmin",
                table: "users");

            migrationBuilder.DropColumn(
                name: "xmin",
                table: "user_groups");

            migrationBuilder.DropColumn(
                name: "xmin",
                table: "queues");

            migrationBuilder.DropColumn(
                name: "xmin",
                table: "queue_groups");

            migrationBuilder.DropColumn(
                name: "default_queue_id",
                table: "connectors");

            migrationBuilder.DropColumn(
                name: "protected_access_token",
                table: "connectors");

            migrationBuilder.DropColumn(
                name: "protected_app_secret",
                table: "connectors");

            migrationBuilder.DropColumn(
                name: "protected_verify_token",
                table: "connectors");

            migrationBuilder.DropColumn(
                name: "whats_app_business_account_id",
                table: "connectors");

            migrationBuilder.DropColumn(
                name: "whats_app_phone_number_id",
                table: "connectors");

            migrationBuilder.DropColumn(
                name: "xmin",
                table: "connectors");

            migrationBuilder.CreateIndex(
                name: "ix_audit_entries_user_id",
                table: "audit_entries",
                column: "user_id");
        }
    }
}
