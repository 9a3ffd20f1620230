using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace WapListing.Infrastructure.Data.Migrations
{
    /// <inheritdoc />
    public partial class TextSearch : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // unaccent and pg_trgm are trusted extensions: the database owner may create them.
            migrationBuilder.Sql("CREATE EXTENSION IF NOT EXISTS unaccent;");
            migrationBuilder.Sql("CREATE EXTENSION IF NOT EXISTS pg_trgm;");
            // unaccent() itself is only STABLE (it reads a dictionary chosen by search_path); naming the
            // dictionary explicitly makes the result fixed, so the wrapper may be IMMUTABLE and indexed.
            migrationBuilder.Sql("""
                CREATE OR REPLACE FUNCTION wl_fold(text) RETURNS text
                LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
                AS $$ SELECT lower(public.unaccent('public.unaccent'::regdictionary, $1)) $$;
                """);
            migrationBuilder.Sql("CREATE INDEX ix_interactions_whatsapp_contact_fold ON interactions USING gin (wl_fold(whats_app_contact) gin_trgm_ops);");
            migrationBuilder.Sql("CREATE INDEX ix_contacts_name_fold ON contacts USING gin (wl_fold(name) gin_trgm_ops);");
            migrationBuilder.Sql("CREATE INDEX ix_contacts_email_fold ON contacts USING gin (wl_fold(email) gin_trgm_ops);");
            migrationBuilder.Sql("CREATE INDEX ix_messages_text_fold ON messages USING gin (wl_fold(text) gin_trgm_ops);");
            migrationBuilder.Sql("CREATE INDEX ix_interactions_customer_number ON interactions (customer_number);");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP INDEX IF EXISTS ix_interactions_customer_number;");
            migrationBuilder.Sql("DROP INDEX IF EXISTS ix_messages_text_fold;");
            migrationBuilder.Sql("DROP INDEX IF EXISTS ix_contacts_email_fold;");
            migrationBuilder.Sql("DROP INDEX IF EXISTS ix_contacts_name_fold;");
            migrationBuilder.Sql("DROP INDEX IF EXISTS ix_interactions_whatsapp_contact_fold;");
            migrationBuilder.Sql("DROP FUNCTION IF EXISTS wl_fold(text);");
        }
    }
}
