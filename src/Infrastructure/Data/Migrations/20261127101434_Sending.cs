using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace WapListing.Infrastructure.Data.Migrations
{
    /// <inheritdoc />
    public partial class Sending : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "outbound_sends",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    client_key = table.Column<Guid>(type: "uuid", nullable: false),
                    interaction_id = table.Column<long>(type: "bigint", nullable: false),
                    user_id = table.Column<int>(type: "integer", nullable: true),
                    connector_id = table.Column<int>(type: "integer", nullable: false),
                    kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    text = table.Column<string>(type: "character varying(8192)", maxLength: 8192, nullable: true),
                    template_name = table.Column<string>(type: "character varying(512)", maxLength: 512, nullable: true),
                    template_language = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    template_parameters = table.Column<List<string>>(type: "text[]", nullable: false),
                    state = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    completed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    whats_app_message_id = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    problem = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    error_code = table.Column<int>(type: "integer", nullable: true),
                    error_title = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_outbound_sends", x => x.id);
                    table.ForeignKey(
                        name: "fk_outbound_sends_asp_net_users_user_id",
                        column: x => x.user_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "fk_outbound_sends_connectors_connector_id",
                        column: x => x.connector_id,
                        principalTable: "connectors",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_outbound_sends_interactions_interaction_id",
                        column: x => x.interaction_id,
                        principalTable: "interactions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "whatsapp_templates",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    connector_id = table.Column<int>(type: "integer", nullable: false),
                    name = table.Column<string>(type: "character varying(512)", maxLength: 512, nullable: false),
                    language = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    category = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    body = table.Column<string>(type: "character varying(2048)", maxLength: 2048, nullable: false),
                    parameter_count = table.Column<int>(type: "integer", nullable: false),
                    fetched_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_whatsapp_templates", x => x.id);
                    table.ForeignKey(
                        name: "fk_whatsapp_templates_connectors_connector_id",
                        column: x => x.connector_id,
                        principalTable: "connectors",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_interactions_customer_number_connector_id",
                table: "interactions",
                columns: new[] { "customer_number", "connector_id" });

            migrationBuilder.CreateIndex(
                name: "ix_outbound_sends_client_key",
                table: "outbound_sends",
                column: "client_key",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_outbound_sends_connector_id",
                table: "outbound_sends",
                column: "connector_id");

            migrationBuilder.CreateIndex(
                name: "ix_outbound_sends_created_at",
                table: "outbound_sends",
                column: "created_at",
                filter: "state IN ('Pending', 'Unconfirmed')");

            migrationBuilder.CreateIndex(
                name: "ix_outbound_sends_interaction_id_created_at",
                table: "outbound_sends",
                columns: new[] { "interaction_id", "created_at" });

            migrationBuilder.CreateIndex(
                name: "ix_outbound_sends_user_id",
                table: "outbound_sends",
                column: "user_id");

            migrationBuilder.CreateIndex(
                name: "ix_whatsapp_templates_connector_id_name_language",
                table: "whatsapp_templates",
                columns: new[] { "connector_id", "name", "language" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "outbound_sends");

            migrationBuilder.DropTable(
                name: "whatsapp_templates");

            migrationBuilder.DropIndex(
                name: "ix_interactions_customer_number_connector_id",
                table: "interactions");
        }
    }
}
