using System.Collections.Concurrent;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;
using WapListing.Domain.Entities;
using WapListing.FunctionalTests.Infrastructure;
using WapListing.Infrastructure.Data;

namespace WapListing.FunctionalTests.Platform;

/// <summary>Logs carry request ids in their scopes and no personal data: no chat texts, numbers or user names typed at login.</summary>
public sealed class LoggingTests(DemoDatabaseFixture database) : IClassFixture<DemoDatabaseFixture>
{
    [Fact]
    public async Task Logs_have_request_ids_and_no_personal_data()
    {
        // A chat on the supervisor's listing whose customer data must never reach the logs.
        var queue = await database.Data.AddQueueAsync();
        var supervisor = await database.Data.AddUserAsync(UserRole.Supervisor, grants: [RightsGrant.ForQueue(queue.Id)]);
        await database.Data.AddInteractionAsync(queue, TestClock.DemoNow.AddMinutes(-30), i =>
        {
            i.WhatsAppContact = "=HYPERLINK(\"http://x\",\"y\") <script>alert(1)</script>";
            i.CustomerNumber = "+420777123456";
        });
        var sink = new CapturingLoggerProvider();
        using var app = new WapListingAppFactory(database.ConnectionString)
            .WithWebHostBuilder(builder =>
            {
                builder.UseSetting("Logging:LogLevel:Default", "Information");
                builder.UseSetting("Logging:LogLevel:Microsoft.AspNetCore", "Information");
                builder.UseSetting("Logging:LogLevel:Microsoft.EntityFrameworkCore.Database.Command", "Information");
                builder.ConfigureServices(services => services.AddLogging(logging => logging.AddProvider(sink)));
            });
        var client = app.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = true });

        await client.PostLoginAsync("typed.name.of.someone", "Secret-Password-1");
        await client.SignInAsync(supervisor.UserName!);
        var listing = await client.GetStringAsync("/listing/wap");
        Assert.Contains("<td class=\"text-break\">=HYPERLINK(&quot;http://x&quot;,&quot;y&quot;) &lt;script&gt;alert(1)&lt;/script&gt;</td>", listing);
        var search = await client.GetAsync("/listing/wap?contact=Dvo%C5%99%C3%A1kov%C3%A1&sender=%2B420777123456&text=tajn%C3%A1+zpr%C3%A1va");
        Assert.Equal(System.Net.HttpStatusCode.OK, search.StatusCode);

        var logs = string.Join("\n", sink.Lines);
        Assert.Contains(sink.Lines, line => line.Contains("Sign-in failed", StringComparison.Ordinal) && line.Contains("RequestId=", StringComparison.Ordinal));
        Assert.Contains(sink.Lines, line => line.Contains("Executed DbCommand", StringComparison.Ordinal));
        Assert.Contains(sink.Lines, line => line.Contains("HttpLogging", StringComparison.Ordinal)
            && line.Contains("/listing/wap", StringComparison.Ordinal) && line.Contains("StatusCode: 200", StringComparison.Ordinal)
            && line.Contains("RequestId=", StringComparison.Ordinal) && line.Contains("TraceId=", StringComparison.Ordinal));
        Assert.DoesNotContain("typed.name.of.someone", logs);
        Assert.DoesNotContain(supervisor.UserName!, logs);
        Assert.DoesNotContain("Secret-Password-1", logs);
        Assert.DoesNotContain("Demo123!", logs);
        Assert.DoesNotContain("+420", logs);
        Assert.DoesNotContain("<script>alert(1)</script>", logs);
        Assert.DoesNotContain("HYPERLINK", logs);
        Assert.DoesNotContain("777123456", logs);
        Assert.DoesNotContain("Dvořákov", logs);
        Assert.DoesNotContain("Dvo%C5%99", logs);
        Assert.DoesNotContain("tajn", logs);
    }

    [Fact]
    public void Outside_development_the_console_writes_json_with_scopes()
    {
        using var app = new WapListingAppFactory(database.ConnectionString);
        var console = app.Services.GetRequiredService<IOptionsMonitor<ConsoleLoggerOptions>>().CurrentValue;
        var json = app.Services.GetRequiredService<IOptionsMonitor<JsonConsoleFormatterOptions>>().CurrentValue;

        Assert.Equal(ConsoleFormatterNames.Json, console.FormatterName);
        Assert.True(json.IncludeScopes);
        Assert.True(json.UseUtcTimestamp);
    }

    [Fact]
    public void Ef_core_never_logs_parameter_values()
    {
        using var app = new WapListingAppFactory(database.ConnectionString);
        using var scope = app.Services.CreateScope();
        var options = scope.ServiceProvider.GetRequiredService<DbContextOptions<WapListingDbContext>>();
        Assert.False(options.FindExtension<CoreOptionsExtension>()?.IsSensitiveDataLoggingEnabled ?? false);
    }

    private sealed class CapturingLoggerProvider : ILoggerProvider, ISupportExternalScope
    {
        private IExternalScopeProvider _scopes = new LoggerExternalScopeProvider();

        public ConcurrentQueue<string> Lines { get; } = new();

        public ILogger CreateLogger(string categoryName) => new CapturingLogger(this, categoryName);

        public void SetScopeProvider(IExternalScopeProvider scopeProvider) => _scopes = scopeProvider;

        public void Dispose()
        {
        }

        private sealed class CapturingLogger(CapturingLoggerProvider provider, string category) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => provider._scopes.Push(state);

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                var scopes = new List<string>();
                provider._scopes.ForEachScope((scope, list) =>
                {
                    if (scope is IEnumerable<KeyValuePair<string, object>> pairs)
                    {
                        list.AddRange(pairs.Select(p => $"{p.Key}={p.Value}"));
                    }
                    else
                    {
                        list.Add(scope?.ToString() ?? string.Empty);
                    }
                }, scopes);
                provider.Lines.Enqueue($"{category} [{string.Join(", ", scopes)}] {formatter(state, exception)} {exception}");
            }
        }
    }
}
