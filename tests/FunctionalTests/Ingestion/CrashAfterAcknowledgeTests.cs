using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Microsoft.EntityFrameworkCore;
using WapListing.Infrastructure.WhatsApp;

namespace WapListing.FunctionalTests.Ingestion;

/// <summary>The database with its connector, served by no inbox worker in this test process: only the app processes work.</summary>
public sealed class InboxLeftToOtherProcessesFixture : WebhookAppFixture
{
    protected override int InboxWorkers => 0;
}

/// <summary>
/// At-least-once done right (DESIGN §9): the app process is killed after it answered a webhook 200 and before any worker
/// processed it; started again, it stores the message. Nothing acknowledged is lost.
/// </summary>
public sealed class CrashAfterAcknowledgeTests(InboxLeftToOtherProcessesFixture fixture) : IClassFixture<InboxLeftToOtherProcessesFixture>
{
    [Fact]
    public async Task A_message_acknowledged_before_a_crash_appears_after_the_restart()
    {
        var wamid = "wamid.CRASH" + Guid.NewGuid().ToString("N");
        var body = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(WebhookAppFixture.Fixture("text"))
            .Replace("wamid.HBgLNDIwNzc3MTIzNDU2FQIAEhgUM0VCMEQ1", wamid, StringComparison.Ordinal));

        using (var first = await AppProcess.StartAsync(fixture.ConnectionString, inboxWorkers: 0))
        {
            var response = await first.PostSignedAsync(body);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            first.Kill();
        }

        await using (var db = fixture.OpenDb())
        {
            Assert.Equal(1, await db.WebhookInbox.CountAsync(i => i.ProcessedAt == null));
            Assert.False(await db.Messages.AnyAsync(m => m.WhatsAppMessageId == wamid));
        }

        using var second = await AppProcess.StartAsync(fixture.ConnectionString, inboxWorkers: 1);
        var deadline = DateTime.UtcNow.AddSeconds(30);
        var stored = false;
        while (!stored && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
            await using var db = fixture.OpenDb();
            stored = await db.Messages.AnyAsync(m => m.WhatsAppMessageId == wamid);
        }

        Assert.True(stored, "The acknowledged message did not appear after the restart.");
    }

    /// <summary>The app as its own operating-system process on a loopback port.</summary>
    private sealed class AppProcess : IDisposable
    {
        private readonly Process _process;
        private readonly HttpClient _http;

        private AppProcess(Process process, string baseUrl)
        {
            _process = process;
            _http = new HttpClient { BaseAddress = new Uri(baseUrl) };
        }

        public static async Task<AppProcess> StartAsync(string connectionString, int inboxWorkers)
        {
            var port = FreePort();
            var start = new ProcessStartInfo("dotnet")
            {
                ArgumentList = { Path.Combine(AppContext.BaseDirectory, "WapListing.Web.dll"), "--urls", $"http://127.0.0.1:{port}" },
                WorkingDirectory = AppContext.BaseDirectory,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                Environment =
                {
                    ["ASPNETCORE_ENVIRONMENT"] = "Testing",
                    ["ConnectionStrings__WapListing"] = connectionString,
                    ["WhatsApp__InboxWorkers"] = inboxWorkers.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    ["WhatsApp__InboxPollMilliseconds"] = "100",
                },
            };
            var process = Process.Start(start) ?? throw new InvalidOperationException("The app did not start.");
            process.OutputDataReceived += (_, _) => { };
            process.ErrorDataReceived += (_, _) => { };
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            var app = new AppProcess(process, $"http://127.0.0.1:{port}");
            var deadline = DateTime.UtcNow.AddSeconds(60);
            while (DateTime.UtcNow < deadline)
            {
                try
                {
                    if ((await app._http.GetAsync("/health/live")).StatusCode is HttpStatusCode.OK or HttpStatusCode.ServiceUnavailable)
                    {
                        return app;
                    }
                }
                catch (HttpRequestException)
                {
                }

                if (process.HasExited)
                {
                    throw new InvalidOperationException($"The app exited with {process.ExitCode}.");
                }

                await Task.Delay(200);
            }

            app.Dispose();
            throw new TimeoutException("The app did not answer within 60 s.");
        }

        public Task<HttpResponseMessage> PostSignedAsync(byte[] body)
        {
            var content = new ByteArrayContent(body);
            content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
            var request = new HttpRequestMessage(HttpMethod.Post, "/webhooks/whatsapp") { Content = content };
            request.Headers.TryAddWithoutValidation(WebhookSignature.HeaderName, WebhookSignature.Sign(body, WebhookAppFixture.AppSecret));
            return _http.SendAsync(request);
        }

        public void Kill()
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(10_000);
        }

        public void Dispose()
        {
            if (!_process.HasExited)
            {
                Kill();
            }

            _process.Dispose();
            _http.Dispose();
        }

        private static int FreePort()
        {
            using var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            return ((IPEndPoint)listener.LocalEndpoint).Port;
        }
    }
}
