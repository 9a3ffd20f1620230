namespace WapListing.Infrastructure.EmbeddedPostgres;

public sealed class PostgresBinariesNotFoundException() : Exception(
    "No PostgreSQL server binaries (initdb, pg_ctl) were found on PATH or under /usr/lib/postgresql/*/bin. "
    + "Install them with `sudo apt-get install postgresql`, or run `docker compose up` (see README), "
    + "or point the app at an existing database with ConnectionStrings__WapListing.");
