using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace WapListing.Infrastructure.Data.Migrations
{
    /// <inheritdoc />
    public partial class ParticipantTime : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "time",
                table: "interaction_participants",
                type: "timestamp with time zone",
                nullable: false,
                defaultValue: new DateTimeOffset(new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified), new TimeSpan(0, 0, 0, 0, 0)));

            // The participant's time is its interaction's, kept so by the database whoever writes (the app, the events API,
            // bulk SQL): set when a participant is added, and moved when the interaction's time changes.
            migrationBuilder.Sql("""
                UPDATE interaction_participants p SET time = i.time FROM interactions i WHERE i.id = p.interaction_id;
                CREATE FUNCTION wl_participant_time() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    NEW.time := (SELECT i.time FROM interactions i WHERE i.id = NEW.interaction_id);
                    RETURN NEW;
                END $$;
                CREATE TRIGGER tr_interaction_participants_time BEFORE INSERT OR UPDATE ON interaction_participants
                    FOR EACH ROW EXECUTE FUNCTION wl_participant_time();
                CREATE FUNCTION wl_interaction_time_to_participants() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    UPDATE interaction_participants SET time = NEW.time WHERE interaction_id = NEW.id;
                    RETURN NULL;
                END $$;
                CREATE TRIGGER tr_interactions_time_to_participants AFTER UPDATE OF time ON interactions
                    FOR EACH ROW WHEN (OLD.time IS DISTINCT FROM NEW.time) EXECUTE FUNCTION wl_interaction_time_to_participants();
                """);

            migrationBuilder.CreateIndex(
                name: "ix_interaction_participants_user_id_time",
                table: "interaction_participants",
                columns: new[] { "user_id", "time" })
                .Annotation("Npgsql:IndexInclude", new[] { "interaction_id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP TRIGGER IF EXISTS tr_interactions_time_to_participants ON interactions;
                DROP FUNCTION IF EXISTS wl_interaction_time_to_participants();
                DROP TRIGGER IF EXISTS tr_interaction_participants_time ON interaction_participants;
                DROP FUNCTION IF EXISTS wl_participant_time();
                """);

            migrationBuilder.DropIndex(
                name: "ix_interaction_participants_user_id_time",
                table: "interaction_participants");

            migrationBuilder.DropColumn(
                name: "time",
                table: "interaction_participants");
        }
    }
}
