using System.Collections.Concurrent;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using WapListing.Domain.Entities;
using WapListing.FunctionalTests.Infrastructure;
using static WapListing.FunctionalTests.Manage.Users.UsersSupport;

namespace WapListing.FunctionalTests.Manage.Users;

/// <summary>Passwords typed or generated in Manage → Users reach no log line, at the most talkative log level.</summary>
public sealed class PasswordsNeverLoggedTests(DemoDatabaseFixture database) : IClassFixture<DemoDatabaseFixture>
{
    [Fact]
    public async Task Typed_and_generated_passwords_never_reach_the_logs()
    {
        var admin = await database.Data.AddUserAsync(UserRole.Administrator, allQueues: true, allUsers: true);
        var user = await database.Data.AddUserAsync(UserRole.Agent);
        var sink = new CapturingLoggerProvider();
        using var app = new WapListingAppFactory(database.ConnectionString)
            .WithWebHostBuilder(builder =>
            {
                builder.UseSetting("Logging:LogLevel:Default", "Trace");
                builder.ConfigureServices(services => services.AddLogging(logging => logging.AddProvider(sink)));
            });
        var client = app.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = true });
        await client.SignInAsync(admin.UserName!);
        const string typed = "Typed-Secret-9x";
        const string weak = "weaksecret";

        var created = await client.CreateUserAsync(NewUserForm("logged_" + TestData.Suffix(), "Logged", password: null));
        var generated = GeneratedPassword(await created.Content.ReadAsStringAsync());
        await client.CreateUserAsync(NewUserForm("logged_" + TestData.Suffix(), "Logged", password: typed));
        await client.ResetPasswordAsync(user.Id, weak);
        var reset = GeneratedPassword(await (await client.ResetPasswordAsync(user.Id, null)).Content.ReadAsStringAsync());

        Assert.NotEmpty(sink.Lines);
        var logs = string.Join("\n", sink.Lines);
        Assert.DoesNotContain(generated, logs, StringComparison.Ordinal);
        Assert.DoesNotContain(typed, logs, StringComparison.Ordinal);
        Assert.DoesNotContain(weak, logs, StringComparison.Ordinal);
        Assert.DoesNotContain(reset, logs, StringComparison.Ordinal);
    }

    private sealed class CapturingLoggerProvider : ILoggerProvider
    {
        public ConcurrentQueue<string> Lines { get; } = new();

        public ILogger CreateLogger(string categoryName) => new CapturingLogger(this);

        public void Dispose()
        {
        }

        private sealed class CapturingLogger(CapturingLoggerProvider provider) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                provider.Lines.Enqueue(formatter(state, exception) + " " + state + " " + exception);
        }
    }
}
