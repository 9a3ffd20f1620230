using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace WapListing.Infrastructure.Data.Migrations
{
    /// <inheritdoc />
    public partial class QueueLedSortIndexes : Migration
    {
        /// <summary>
        /// The sorts by a column of few values that follow the queues (a connector's number serves some queues, missed and
        /// ended-by states follow a queue's staffing and hours), each led by the queue: a viewer of some queues reads each
        /// queue's first rows of the page's order from here (WapListingQuery.Page) instead of walking other queues' rows
        /// in the sort-led indexes of ListingSortKeys. The expressions are the listing's own, in both alphabets.
        /// </summary>
        private static readonly (string Index, string Key, string Collation)[] QueueLedSorts =
        [
            ("connector_name_cs", "connector_name", "cs-x-icu"),
            ("connector_name_und", "connector_name", "und-x-icu"),
            ("missed_label_cs", ListingSortKeys.MissedCs, "cs-x-icu"),
            ("missed_label_und", ListingSortKeys.MissedEn, "und-x-icu"),
            ("ended_by_label_cs", ListingSortKeys.EndedByCs, "cs-x-icu"),
            ("ended_by_label_und", ListingSortKeys.EndedByEn, "und-x-icu"),
        ];

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            foreach (var (index, key, collation) in QueueLedSorts)
            {
                migrationBuilder.Sql($"CREATE INDEX ix_interactions_queue_id_{index} ON interactions (queue_id, ({key} COLLATE \"{collation}\"), id, time);");
            }
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var (index, _, _) in QueueLedSorts)
            {
                migrationBuilder.Sql($"DROP INDEX IF EXISTS ix_interactions_queue_id_{index};");
            }
        }
    }
}
