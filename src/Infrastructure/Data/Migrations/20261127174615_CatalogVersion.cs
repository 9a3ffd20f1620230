using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace WapListing.Infrastructure.Data.Migrations
{
    /// <summary>
    /// A version of what the listing's filter pickers list (users, queues, their groups and members, connectors), raised in
    /// the same transaction as any change to them, whoever writes. The per-request sign-in statement reads it with the
    /// viewer's rights, so a picker list cached under an older version is never used after a change commits.
    /// </summary>
    public partial class CatalogVersion : Migration
    {
        private static readonly (string Table, string ChangedWhen)[] Watched =
        [
            ("users", "OLD.display_name IS DISTINCT FROM NEW.display_name OR OLD.is_active IS DISTINCT FROM NEW.is_active"),
            ("user_groups", "OLD.name IS DISTINCT FROM NEW.name"),
            ("user_group_members", "OLD.* IS DISTINCT FROM NEW.*"),
            ("queues", "OLD.name IS DISTINCT FROM NEW.name OR OLD.is_active IS DISTINCT FROM NEW.is_active"),
            ("queue_groups", "OLD.name IS DISTINCT FROM NEW.name"),
            ("queue_group_members", "OLD.* IS DISTINCT FROM NEW.*"),
            ("connectors", "OLD.name IS DISTINCT FROM NEW.name OR OLD.is_active IS DISTINCT FROM NEW.is_active OR OLD.phone_number IS DISTINCT FROM NEW.phone_number"),
        ];

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // It starts at the clock, so a database made again under the same name never repeats an earlier one's versions.
            migrationBuilder.Sql("""
                CREATE TABLE catalog_version (
                    id integer PRIMARY KEY CHECK (id = 1),
                    version bigint NOT NULL
                );
                INSERT INTO catalog_version (id, version) VALUES (1, (extract(epoch FROM clock_timestamp()) * 1000)::bigint);

                CREATE FUNCTION wl_raise_catalog_version() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    UPDATE catalog_version SET version = version + 1 WHERE id = 1;
                    RETURN NULL;
                END $$;
                """);
            foreach (var (table, changedWhen) in Watched)
            {
                // Raised when the transaction commits (deferred), as its last lock: two transactions that change the
                // catalog then wait for each other only there, never in a cycle with the rows they change.
                migrationBuilder.Sql($"""
                    CREATE CONSTRAINT TRIGGER tr_{table}_catalog_version_insert_delete AFTER INSERT OR DELETE ON {table}
                        DEFERRABLE INITIALLY DEFERRED
                        FOR EACH ROW EXECUTE FUNCTION wl_raise_catalog_version();
                    CREATE CONSTRAINT TRIGGER tr_{table}_catalog_version_update AFTER UPDATE ON {table}
                        DEFERRABLE INITIALLY DEFERRED
                        FOR EACH ROW WHEN ({changedWhen}) EXECUTE FUNCTION wl_raise_catalog_version();
                    CREATE TRIGGER tr_{table}_catalog_version_truncate AFTER TRUNCATE ON {table}
                        FOR EACH STATEMENT EXECUTE FUNCTION wl_raise_catalog_version();
                    """);
            }
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var (table, _) in Watched)
            {
                migrationBuilder.Sql($"""
                    DROP TRIGGER tr_{table}_catalog_version_truncate ON {table};
                    DROP TRIGGER tr_{table}_catalog_version_update ON {table};
                    DROP TRIGGER tr_{table}_catalog_version_insert_delete ON {table};
                    """);
            }

            migrationBuilder.Sql("""
                DROP FUNCTION wl_raise_catalog_version();
                DROP TABLE catalog_version;
                """);
        }
    }
}
