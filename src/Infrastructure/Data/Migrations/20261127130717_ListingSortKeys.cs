using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace WapListing.Infrastructure.Data.Migrations
{
    /// <inheritdoc />
    public partial class ListingSortKeys : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
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

            migrationBuilder.AddColumn<string>(
                name: "connector_name",
                table: "interactions",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "contact_name",
                table: "interactions",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "queue_name",
                table: "interactions",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "user_name",
                table: "interactions",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            // The names the listing sorts by, copied onto the interaction and kept so by the database whoever writes (the app,
            // the events API, bulk SQL, a foreign key's ON DELETE SET NULL): set when the interaction gets its queue, user,
            // contact or connector, and rewritten when one of those is renamed.
            migrationBuilder.Sql("""
                UPDATE interactions i SET
                    queue_name = (SELECT q.name FROM queues q WHERE q.id = i.queue_id),
                    user_name = (SELECT u.display_name FROM users u WHERE u.id = i.user_id),
                    contact_name = (SELECT c.name FROM contacts c WHERE c.id = i.contact_id),
                    connector_name = (SELECT c.name FROM connectors c WHERE c.id = i.connector_id)
                 WHERE i.queue_id IS NOT NULL OR i.user_id IS NOT NULL OR i.contact_id IS NOT NULL OR i.connector_id IS NOT NULL;

                CREATE FUNCTION wl_interaction_sort_names() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF TG_OP = 'INSERT' OR NEW.queue_id IS DISTINCT FROM OLD.queue_id OR NEW.queue_name IS DISTINCT FROM OLD.queue_name THEN
                        NEW.queue_name := (SELECT q.name FROM queues q WHERE q.id = NEW.queue_id);
                    END IF;
                    IF TG_OP = 'INSERT' OR NEW.user_id IS DISTINCT FROM OLD.user_id OR NEW.user_name IS DISTINCT FROM OLD.user_name THEN
                        NEW.user_name := (SELECT u.display_name FROM users u WHERE u.id = NEW.user_id);
                    END IF;
                    IF TG_OP = 'INSERT' OR NEW.contact_id IS DISTINCT FROM OLD.contact_id OR NEW.contact_name IS DISTINCT FROM OLD.contact_name THEN
                        NEW.contact_name := (SELECT c.name FROM contacts c WHERE c.id = NEW.contact_id);
                    END IF;
                    IF TG_OP = 'INSERT' OR NEW.connector_id IS DISTINCT FROM OLD.connector_id OR NEW.connector_name IS DISTINCT FROM OLD.connector_name THEN
                        NEW.connector_name := (SELECT c.name FROM connectors c WHERE c.id = NEW.connector_id);
                    END IF;
                    RETURN NEW;
                END $$;
                CREATE TRIGGER tr_interactions_sort_names_insert BEFORE INSERT ON interactions
                    FOR EACH ROW EXECUTE FUNCTION wl_interaction_sort_names();
                CREATE TRIGGER tr_interactions_sort_names_update BEFORE UPDATE ON interactions
                    FOR EACH ROW WHEN (OLD.queue_id IS DISTINCT FROM NEW.queue_id OR OLD.queue_name IS DISTINCT FROM NEW.queue_name
                        OR OLD.user_id IS DISTINCT FROM NEW.user_id OR OLD.user_name IS DISTINCT FROM NEW.user_name
                        OR OLD.contact_id IS DISTINCT FROM NEW.contact_id OR OLD.contact_name IS DISTINCT FROM NEW.contact_name
                        OR OLD.connector_id IS DISTINCT FROM NEW.connector_id OR OLD.connector_name IS DISTINCT FROM NEW.connector_name)
                    EXECUTE FUNCTION wl_interaction_sort_names();

                -- One function for the four renames; its arguments name the interaction's reference and copy, and the
                -- renamed row's name column.
                CREATE FUNCTION wl_name_to_interactions() RETURNS trigger LANGUAGE plpgsql AS $$
                DECLARE
                    new_name text := to_jsonb(NEW) ->> TG_ARGV[2];
                BEGIN
                    EXECUTE format('UPDATE interactions SET %1$I = $1 WHERE %2$I = $2 AND %1$I IS DISTINCT FROM $1', TG_ARGV[1], TG_ARGV[0])
                        USING new_name, NEW.id;
                    RETURN NULL;
                END $$;
                CREATE TRIGGER tr_queues_name_to_interactions AFTER UPDATE OF name ON queues
                    FOR EACH ROW WHEN (OLD.name IS DISTINCT FROM NEW.name) EXECUTE FUNCTION wl_name_to_interactions('queue_id', 'queue_name', 'name');
                CREATE TRIGGER tr_users_name_to_interactions AFTER UPDATE OF display_name ON users
                    FOR EACH ROW WHEN (OLD.display_name IS DISTINCT FROM NEW.display_name) EXECUTE FUNCTION wl_name_to_interactions('user_id', 'user_name', 'display_name');
                CREATE TRIGGER tr_contacts_name_to_interactions AFTER UPDATE OF name ON contacts
                    FOR EACH ROW WHEN (OLD.name IS DISTINCT FROM NEW.name) EXECUTE FUNCTION wl_name_to_interactions('contact_id', 'contact_name', 'name');
                CREATE TRIGGER tr_connectors_name_to_interactions AFTER UPDATE OF name ON connectors
                    FOR EACH ROW WHEN (OLD.name IS DISTINCT FROM NEW.name) EXECUTE FUNCTION wl_name_to_interactions('connector_id', 'connector_name', 'name');
                """);

            // Each sorted text column in each language's alphabet (the listing's COLLATE "cs-x-icu" / "und-x-icu"), then the
            // id that breaks ties and the time the range is tested on. Ended by and Missed sort by the words the viewer
            // reads: the expressions are the listing's own (WapListingQuery.Sorted), which a test checks the planner matches.
            migrationBuilder.Sql("DROP INDEX IF EXISTS ix_interactions_whatsapp_contact_cs;");
            migrationBuilder.Sql("DROP INDEX IF EXISTS ix_interactions_whatsapp_contact_und;");
            foreach (var (column, index) in SortedTextColumns)
            {
                migrationBuilder.Sql($"CREATE INDEX ix_interactions_{index}_cs ON interactions (({column} COLLATE \"cs-x-icu\"), id, time);");
                migrationBuilder.Sql($"CREATE INDEX ix_interactions_{index}_und ON interactions (({column} COLLATE \"und-x-icu\"), id, time);");
            }

            migrationBuilder.Sql($"CREATE INDEX ix_interactions_ended_by_label_cs ON interactions (({EndedByCs} COLLATE \"cs-x-icu\"), id, time);");
            migrationBuilder.Sql($"CREATE INDEX ix_interactions_ended_by_label_und ON interactions (({EndedByEn} COLLATE \"und-x-icu\"), id, time);");
            migrationBuilder.Sql($"CREATE INDEX ix_interactions_missed_label_cs ON interactions (({MissedCs} COLLATE \"cs-x-icu\"), id, time);");
            migrationBuilder.Sql($"CREATE INDEX ix_interactions_missed_label_und ON interactions (({MissedEn} COLLATE \"und-x-icu\"), id, time);");

            migrationBuilder.CreateIndex(
                name: "ix_interactions_answered_id_time",
                table: "interactions",
                columns: new[] { "answered", "id", "time" });

            migrationBuilder.CreateIndex(
                name: "ix_interactions_duration_id_time",
                table: "interactions",
                columns: new[] { "duration", "id", "time" });

            migrationBuilder.CreateIndex(
                name: "ix_interactions_missed_time_id_time",
                table: "interactions",
                columns: new[] { "missed_time", "id", "time" });

            migrationBuilder.CreateIndex(
                name: "ix_interactions_wait_time_id_time",
                table: "interactions",
                columns: new[] { "wait_time", "id", "time" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var (_, index) in SortedTextColumns)
            {
                migrationBuilder.Sql($"DROP INDEX IF EXISTS ix_interactions_{index}_cs;");
                migrationBuilder.Sql($"DROP INDEX IF EXISTS ix_interactions_{index}_und;");
            }

            migrationBuilder.Sql("""
                DROP INDEX IF EXISTS ix_interactions_ended_by_label_cs;
                DROP INDEX IF EXISTS ix_interactions_ended_by_label_und;
                DROP INDEX IF EXISTS ix_interactions_missed_label_cs;
                DROP INDEX IF EXISTS ix_interactions_missed_label_und;
                DROP TRIGGER IF EXISTS tr_connectors_name_to_interactions ON connectors;
                DROP TRIGGER IF EXISTS tr_contacts_name_to_interactions ON contacts;
                DROP TRIGGER IF EXISTS tr_users_name_to_interactions ON users;
                DROP TRIGGER IF EXISTS tr_queues_name_to_interactions ON queues;
                DROP FUNCTION IF EXISTS wl_name_to_interactions();
                DROP TRIGGER IF EXISTS tr_interactions_sort_names_update ON interactions;
                DROP TRIGGER IF EXISTS tr_interactions_sort_names_insert ON interactions;
                DROP FUNCTION IF EXISTS wl_interaction_sort_names();
                CREATE INDEX ix_interactions_whatsapp_contact_cs ON interactions ((whats_app_contact COLLATE "cs-x-icu"), id);
                CREATE INDEX ix_interactions_whatsapp_contact_und ON interactions ((whats_app_contact COLLATE "und-x-icu"), id);
                """);

            migrationBuilder.DropIndex(
                name: "ix_interactions_answered_id_time",
                table: "interactions");

            migrationBuilder.DropIndex(
                name: "ix_interactions_duration_id_time",
                table: "interactions");

            migrationBuilder.DropIndex(
                name: "ix_interactions_missed_time_id_time",
                table: "interactions");

            migrationBuilder.DropIndex(
                name: "ix_interactions_wait_time_id_time",
                table: "interactions");

            migrationBuilder.DropColumn(
                name: "connector_name",
                table: "interactions");

            migrationBuilder.DropColumn(
                name: "contact_name",
                table: "interactions");

            migrationBuilder.DropColumn(
                name: "queue_name",
                table: "interactions");

            migrationBuilder.DropColumn(
                name: "user_name",
                table: "interactions");

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
        }

        private static readonly (string Column, string Index)[] SortedTextColumns =
        [
            ("queue_name", "queue_name"), ("user_name", "user_name"), ("contact_name", "contact_name"),
            ("connector_name", "connector_name"), ("whats_app_contact", "whatsapp_contact"),
        ];

        internal const string EndedByCs = "CASE WHEN ended_by = 'Customer' THEN 'Zákazník' WHEN ended_by = 'Agent' THEN 'Operátor' WHEN ended_by = 'Timeout' THEN 'Vypršel čas' WHEN ended_by = 'NoAgent' THEN 'Žádný operátor' WHEN ended_by = 'OutOfHours' THEN 'Mimo pracovní dobu' WHEN ended_by = 'System' THEN 'Systém' END";
        internal const string EndedByEn = "CASE WHEN ended_by = 'Customer' THEN 'Customer' WHEN ended_by = 'Agent' THEN 'Agent' WHEN ended_by = 'Timeout' THEN 'Timeout' WHEN ended_by = 'NoAgent' THEN 'No agent' WHEN ended_by = 'OutOfHours' THEN 'Out of hours' WHEN ended_by = 'System' THEN 'System' END";
        internal const string MissedCs = "CASE WHEN missed_state = 'None' THEN '' WHEN missed_state = 'Shown' THEN 'Zmeškané (1)' WHEN missed_state = 'Removed' THEN 'Odebráno ze zmeškaných (0)' WHEN missed_state = 'ContactedBack' THEN 'Kontaktováno zpět (NO)' END";
        internal const string MissedEn = "CASE WHEN missed_state = 'None' THEN '' WHEN missed_state = 'Shown' THEN 'Missed (1)' WHEN missed_state = 'Removed' THEN 'Removed from missed (0)' WHEN missed_state = 'ContactedBack' THEN 'Contacted back (NO)' END";
    }
}
