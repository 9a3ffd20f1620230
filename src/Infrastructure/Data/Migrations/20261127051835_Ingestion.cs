using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace WapListing.Infrastructure.Data.Migrations
{
    /// <inheritdoc />
    public partial class Ingestion : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "delivery_error_code",
                table: "messages",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "delivery_error_title",
                table: "messages",
                type: "character varying(300)",
                maxLength: 300,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "pending_media_id",
                table: "messages",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "fetch_error",
                table: "message_attachments",
                type: "character varying(300)",
                maxLength: 300,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "customer_key",
                table: "interactions",
                type: "character varying(120)",
                maxLength: 120,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "delivery_status_reports",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    whats_app_message_id = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    status = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    time = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    error_code = table.Column<int>(type: "integer", nullable: true),
                    error_title = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_delivery_status_reports", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "interaction_events",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    event_id = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    interaction_id = table.Column<long>(type: "bigint", nullable: false),
                    type = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    occurred_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    received_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    user_id = table.Column<int>(type: "integer", nullable: true),
                    queue_id = table.Column<int>(type: "integer", nullable: true),
                    activity_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    ended_by = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    detail = table.Column<string>(type: "jsonb", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_interaction_events", x => x.id);
                    table.ForeignKey(
                        name: "fk_interaction_events_asp_net_users_user_id",
                        column: x => x.user_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "fk_interaction_events_interactions_interaction_id",
                        column: x => x.interaction_id,
                        principalTable: "interactions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_interaction_events_queues_queue_id",
                        column: x => x.queue_id,
                        principalTable: "queues",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "webhook_inbox",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    received_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    body = table.Column<byte[]>(type: "bytea", nullable: false),
                    attempts = table.Column<int>(type: "integer", nullable: false),
                    next_attempt_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    processed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    parked_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    last_error = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_webhook_inbox", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_messages_pending_media_id",
                table: "messages",
                column: "pending_media_id",
                filter: "pending_media_id IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_interactions_connector_id_customer_key_time",
                table: "interactions",
                columns: new[] { "connector_id", "customer_key", "time" },
                filter: "closed_time IS NULL");

            migrationBuilder.CreateIndex(
                name: "ix_delivery_status_reports_whats_app_message_id_status",
                table: "delivery_status_reports",
                columns: new[] { "whats_app_message_id", "status" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_interaction_events_event_id",
                table: "interaction_events",
                column: "event_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_interaction_events_interaction_id_occurred_at",
                table: "interaction_events",
                columns: new[] { "interaction_id", "occurred_at" });

            migrationBuilder.CreateIndex(
                name: "ix_interaction_events_queue_id",
                table: "interaction_events",
                column: "queue_id");

            migrationBuilder.CreateIndex(
                name: "ix_interaction_events_user_id",
                table: "interaction_events",
                column: "user_id");

            migrationBuilder.CreateIndex(
                name: "ix_webhook_inbox_next_attempt_at_id",
                table: "webhook_inbox",
                columns: new[] { "next_attempt_at", "id" },
                filter: "processed_at IS NULL AND parked_at IS NULL");

            migrationBuilder.CreateIndex(
                name: "ix_webhook_inbox_parked_at",
                table: "webhook_inbox",
                column: "parked_at",
                filter: "parked_at IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "delivery_status_reports");

            migrationBuilder.DropTable(
                name: "interaction_events");

            migrationBuilder.DropTable(
                name: "webhook_inbox");

            migrationBuilder.DropIndex(
                name: "ix_messages_pending_media_id",
                table: "messages");

            migrationBuilder.DropIndex(
                name: "ix_interactions_connector_id_customer_key_time",
                table: "interactions");

            migrationBuilder.DropColumn(
                name: "delivery_error_code",
                table: "messages");

            migrationBuilder.DropColumn(
                name: "delivery_error_title",
                table: "messages");

            migrationBuilder.DropColumn(
                name: "pending_media_id",
                table: "messages");

            migrationBuilder.DropColumn(
                name: "fetch_error",
                table: "message_attachments");

            migrationBuilder.DropColumn(
                name: "customer_key",
                table: "interactions");
        }
    }
}
