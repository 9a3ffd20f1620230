using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace WapListing.Infrastructure.Data.Migrations
{
    /// <inheritdoc />
    public partial class WhatsAppContactNames : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "whats_app_contact_names",
                columns: table => new
                {
                    folded = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_whats_app_contact_names", x => x.folded);
                });

            migrationBuilder.CreateIndex(
                name: "ix_interactions_whats_app_contact_folded_time",
                table: "interactions",
                columns: new[] { "whats_app_contact_folded", "time" })
                .Annotation("Npgsql:IndexInclude", new[] { "queue_id", "id", "answered", "is_draft", "missed_state", "wait_time" });

            migrationBuilder.CreateIndex(
                name: "ix_whats_app_contact_names_folded_trgm",
                table: "whats_app_contact_names",
                column: "folded")
                .Annotation("Npgsql:IndexMethod", "gin")
                .Annotation("Npgsql:IndexOperators", new[] { "gin_trgm_ops" });

            // The filter reads the names and then their chats from the index above, so the trigram index over every chat's
            // name is no longer read; the names' own trigram index replaces it.
            migrationBuilder.Sql("DROP INDEX ix_interactions_whatsapp_contact_fold;");

            // The names are kept by the database whoever writes a chat (the app, the events API, bulk SQL, COPY): each
            // inserting statement adds its new names in one statement, in one order, so two batches sharing names wait for
            // each other instead of deadlocking. A chat renamed takes its new name. A chat anonymized (its name cleared)
            // or deleted takes its old name away when no other chat has it; the table lock makes a chat with that name
            // being stored meanwhile wait, or be waited for, so its name is never taken away under it.
            migrationBuilder.Sql("""
                CREATE FUNCTION wl_whats_app_contact_names_add() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    INSERT INTO whats_app_contact_names (folded)
                    SELECT DISTINCT whats_app_contact_folded FROM new_interactions
                     WHERE whats_app_contact_folded IS NOT NULL
                     ORDER BY 1
                    ON CONFLICT DO NOTHING;
                    RETURN NULL;
                END $$;

                CREATE FUNCTION wl_whats_app_contact_names_forget(names text[]) RETURNS void LANGUAGE plpgsql AS $$
                BEGIN
                    IF cardinality(names) > 0 THEN
                        LOCK TABLE whats_app_contact_names IN SHARE ROW EXCLUSIVE MODE;
                        DELETE FROM whats_app_contact_names n
                         WHERE n.folded = ANY (names)
                           AND NOT EXISTS (SELECT 1 FROM interactions i WHERE i.whats_app_contact_folded = n.folded);
                    END IF;
                END $$;

                CREATE FUNCTION wl_whats_app_contact_name_changed() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF NEW.whats_app_contact_folded IS NOT NULL THEN
                        INSERT INTO whats_app_contact_names (folded) VALUES (NEW.whats_app_contact_folded) ON CONFLICT DO NOTHING;
                    ELSE
                        PERFORM wl_whats_app_contact_names_forget(ARRAY[OLD.whats_app_contact_folded]);
                    END IF;
                    RETURN NULL;
                END $$;

                CREATE FUNCTION wl_whats_app_contact_names_deleted() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    PERFORM wl_whats_app_contact_names_forget(ARRAY(
                        SELECT DISTINCT whats_app_contact_folded FROM old_interactions WHERE whats_app_contact_folded IS NOT NULL));
                    RETURN NULL;
                END $$;

                CREATE TRIGGER tr_interactions_whats_app_contact_names_insert AFTER INSERT ON interactions
                    REFERENCING NEW TABLE AS new_interactions
                    FOR EACH STATEMENT EXECUTE FUNCTION wl_whats_app_contact_names_add();
                CREATE TRIGGER tr_interactions_whats_app_contact_name_update AFTER UPDATE OF whats_app_contact ON interactions
                    FOR EACH ROW WHEN (OLD.whats_app_contact_folded IS DISTINCT FROM NEW.whats_app_contact_folded)
                    EXECUTE FUNCTION wl_whats_app_contact_name_changed();
                CREATE TRIGGER tr_interactions_whats_app_contact_names_delete AFTER DELETE ON interactions
                    REFERENCING OLD TABLE AS old_interactions
                    FOR EACH STATEMENT EXECUTE FUNCTION wl_whats_app_contact_names_deleted();

                INSERT INTO whats_app_contact_names (folded)
                SELECT DISTINCT whats_app_contact_folded FROM interactions WHERE whats_app_contact_folded IS NOT NULL;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP TRIGGER tr_interactions_whats_app_contact_names_insert ON interactions;
                DROP TRIGGER tr_interactions_whats_app_contact_name_update ON interactions;
                DROP TRIGGER tr_interactions_whats_app_contact_names_delete ON interactions;
                DROP FUNCTION wl_whats_app_contact_names_add();
                DROP FUNCTION wl_whats_app_contact_name_changed();
                DROP FUNCTION wl_whats_app_contact_names_deleted();
                DROP FUNCTION wl_whats_app_contact_names_forget(text[]);
                CREATE INDEX ix_interactions_whatsapp_contact_fold ON interactions USING gin (whats_app_contact_folded gin_trgm_ops);
                """);

            migrationBuilder.DropTable(
                name: "whats_app_contact_names");

            migrationBuilder.DropIndex(
                name: "ix_interactions_whats_app_contact_folded_time",
                table: "interactions");
        }
    }
}
