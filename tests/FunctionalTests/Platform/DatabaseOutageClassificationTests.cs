using System.Net.Sockets;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using WapListing.Web.Hosting;

namespace WapListing.FunctionalTests.Platform;

/// <summary>Which failures count as "the database is away" (503) and which are ordinary errors (500).</summary>
public sealed class DatabaseOutageClassificationTests
{
    [Theory]
    [InlineData("57P01")] // admin shutdown
    [InlineData("57P02")] // crash shutdown
    [InlineData("57P03")] // cannot connect now (starting up)
    [InlineData("08006")] // connection failure
    [InlineData("08001")] // unable to establish connection
    public void Server_shutdown_and_connection_states_are_outages(string sqlState) =>
        Assert.True(DatabaseOutage.IsCause(new PostgresException("m", "FATAL", "FATAL", sqlState)));

    [Theory]
    [InlineData("42P01")] // undefined table: a bug, not an outage
    [InlineData("23505")] // unique violation
    [InlineData("40001")] // serialization failure: transient, but the server is there
    [InlineData("57014")] // query cancelled
    public void Errors_from_a_running_server_are_not_outages(string sqlState) =>
        Assert.False(DatabaseOutage.IsCause(new PostgresException("m", "ERROR", "ERROR", sqlState)));

    [Fact]
    public void Network_failures_are_outages_also_when_wrapped()
    {
        var refused = new NpgsqlException("Failed to connect", new SocketException((int)SocketError.ConnectionRefused));
        Assert.True(DatabaseOutage.IsCause(refused));
        Assert.True(DatabaseOutage.IsCause(new NpgsqlException("Exception while reading from stream", new EndOfStreamException())));
        Assert.True(DatabaseOutage.IsCause(new NpgsqlException("timeout", new TimeoutException())));
        Assert.True(DatabaseOutage.IsCause(new InvalidOperationException("An exception has been raised that is likely due to a transient failure.", refused)));
        Assert.True(DatabaseOutage.IsCause(new RetryLimitExceededException("retries", refused)));
        Assert.True(DatabaseOutage.IsCause(new DatabaseUnavailableException(refused)));
    }

    [Fact]
    public void Other_exceptions_are_not_outages()
    {
        Assert.False(DatabaseOutage.IsCause(null));
        Assert.False(DatabaseOutage.IsCause(new InvalidOperationException("bug")));
        Assert.False(DatabaseOutage.IsCause(new NpgsqlException("bad parameter")));
        Assert.False(DatabaseOutage.IsCause(new FormatException("bad input", new ArgumentException())));
    }
}
