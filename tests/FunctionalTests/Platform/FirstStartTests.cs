using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;
using WapListing.FunctionalTests.Infrastructure;
using WapListing.Infrastructure.Data;
using WapListing.Web.Hosting;

namespace WapListing.FunctionalTests.Platform;

/// <summary>The very first start on an empty database (migrations, demo data, first pages) logs no error.</summary>
public sealed class FirstStartTests : IAsyncLifetime
{
    private string _connectionString = string.Empty;

    public async Task InitializeAsync()
    {
        var database = $"wl_first_{Guid.NewGuid():N}"[..24];
        await using var connection = new NpgsqlConnection(TestPostgres.ServerConnectionString);
        await connection.OpenAsync();
        await using var create = new NpgsqlCommand($"CREATE DATABASE \"{database}\"", connection);
        await create.ExecuteNonQueryAsync();
        _connectionString = TestPostgres.ForDatabase(database);
    }

    public Task DisposeAsync() => TestPostgres.DropDatabaseAsync(_connectionString);

    [Fact]
    public async Task Migrating_seeding_and_serving_an_empty_database_logs_no_error()
    {
        var sink = new LevelCapture();

        // What `migrate` does, before any web host runs over the database.
        var options = new DbContextOptionsBuilder<WapListingDbContext>();
        DatabaseRegistration.Configure(options, _connectionString);
        using var loggerFactory = LoggerFactory.Create(logging => logging.AddProvider(sink));
        await using (var db = new WapListingDbContext(options.UseLoggerFactory(loggerFactory).Options))
        {
            await db.Database.ApplyMigrationsAsync();
        }

        await using var app = new WapListingAppFactory(_connectionString).WithWebHostBuilder(builder =>
        {
            builder.UseSetting("Logging:LogLevel:Default", "Information");
            builder.ConfigureServices(services => services.AddLogging(logging => logging.AddProvider(sink)));
        });

        // Then the Development start (migrations, demo data) and the first pages.
        Assert.Equal(0, await AppCommands.RunAsync(["migrate"], app.Services));
        await DevelopmentDatabase.PrepareAsync(app.Services);
        var client = app.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = true });
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/account/login")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/ready")).StatusCode);
        await client.SignInAsync("supervisor");
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/listing/wap")).StatusCode);

        Assert.True(sink.Errors.IsEmpty, string.Join(Environment.NewLine, sink.Errors));
    }

    private sealed class LevelCapture : ILoggerProvider
    {
        public ConcurrentQueue<string> Errors { get; } = new();

        public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

        public void Dispose()
        {
        }

        private sealed class Logger(LevelCapture capture, string category) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Error;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                if (logLevel >= LogLevel.Error)
                {
                    capture.Errors.Enqueue($"{logLevel} {category}[{eventId.Id}]: {formatter(state, exception)}");
                }
            }
        }
    }
}
