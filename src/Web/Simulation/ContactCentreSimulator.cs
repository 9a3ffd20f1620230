using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using WapListing.Infrastructure.WhatsApp;

namespace WapListing.Web.Simulation;

/// <summary>What a simulation sent and what the app accepted.</summary>
public sealed class SimulationReport
{
    private int _chats;
    private int _interactions;
    private int _missed;
    private int _contactedBack;
    private int _anomalies;
    private int _webhooksSent;
    private int _webhooksAccepted;
    private int _customerMessages;
    private int _statuses;
    private int _eventsSent;
    private int _eventsAccepted;
    private int _eventsStored;
    private int _agentMessages;
    private int _failures;

    public int Chats => _chats;
    /// <summary>Interactions the chats make: one per customer, plus one per contact-back.</summary>
    public int Interactions => _interactions;
    public int Missed => _missed;
    public int ContactedBack => _contactedBack;
    public int Anomalies => _anomalies;
    public int WebhooksSent => _webhooksSent;
    public int WebhooksAccepted => _webhooksAccepted;
    /// <summary>Customer messages inside accepted webhooks.</summary>
    public int CustomerMessages => _customerMessages;
    public int Statuses => _statuses;
    public int EventsSent => _eventsSent;
    /// <summary>Events inside batches answered 200.</summary>
    public int EventsAccepted => _eventsAccepted;
    /// <summary>Events the app reported as newly stored.</summary>
    public int EventsStored => _eventsStored;
    /// <summary>Agent messages inside accepted batches.</summary>
    public int AgentMessages => _agentMessages;
    public int Failures => _failures;

    internal void Started(ChatScript chat)
    {
        Interlocked.Increment(ref _chats);
        Interlocked.Add(ref _interactions, chat.Interactions);
        Interlocked.Add(ref _missed, chat.Missed);
        Interlocked.Add(ref _contactedBack, chat.ContactedBack);
        Interlocked.Add(ref _anomalies, chat.Anomalies);
    }

    internal void Webhook(WebhookSend send, bool accepted)
    {
        Interlocked.Increment(ref _webhooksSent);
        if (accepted)
        {
            Interlocked.Increment(ref _webhooksAccepted);
            Interlocked.Add(ref _customerMessages, send.CustomerMessages);
            Interlocked.Add(ref _statuses, send.Statuses);
        }
        else
        {
            Interlocked.Increment(ref _failures);
        }
    }

    internal void Events(EventsSend send, bool accepted, int stored)
    {
        Interlocked.Add(ref _eventsSent, send.Events.Count);
        if (accepted)
        {
            Interlocked.Add(ref _eventsAccepted, send.Events.Count);
            Interlocked.Add(ref _eventsStored, stored);
            Interlocked.Add(ref _agentMessages, send.AgentMessages);
        }
        else
        {
            Interlocked.Increment(ref _failures);
        }
    }

    public override string ToString() =>
        $"chats {Chats} (interactions {Interactions}, missed {Missed}, contacted back {ContactedBack}, anomalies {Anomalies}) · "
        + $"webhooks sent {WebhooksSent}, accepted {WebhooksAccepted} (customer messages {CustomerMessages}, statuses {Statuses}) · "
        + $"events sent {EventsSent}, accepted {EventsAccepted}, newly stored {EventsStored} (agent messages {AgentMessages}) · failures {Failures}";
}

/// <summary>
/// <c>simulate</c> (DESIGN §9 D): plays a contact centre against a running app over HTTP only — signed WhatsApp webhooks
/// and the events API, never the database. New chats start at <see cref="SimulatorOptions.Rate"/> per second for
/// <see cref="SimulatorOptions.Seconds"/>; each is played phase by phase (see <see cref="ScenarioBuilder"/>), then the
/// run waits for the chats already started. One line is printed per chat, and a summary.
/// </summary>
public sealed class ContactCentreSimulator(SimulatorOptions options, HttpClient http, TextWriter output)
{
    private readonly Lock _printing = new();

    public static async Task<int> RunCommandAsync(IReadOnlyList<string> args, TextWriter output, CancellationToken cancellationToken)
    {
        var (options, error) = SimulatorOptions.Parse(args);
        if (options is null)
        {
            await output.WriteLineAsync(error + Environment.NewLine + SimulatorOptions.Usage);
            return 2;
        }

        using var http = new HttpClient { BaseAddress = options.BaseUrl, Timeout = TimeSpan.FromSeconds(30) };
        await output.WriteLineAsync($"Simulating against {options.BaseUrl} for {options.Seconds} s at {options.Rate} chats/s…");
        var report = await new ContactCentreSimulator(options, http, output).RunAsync(cancellationToken);
        await output.WriteLineAsync("Summary: " + report);
        return report.Failures == 0 ? 0 : 1;
    }

    public async Task<SimulationReport> RunAsync(CancellationToken cancellationToken)
    {
        var report = new SimulationReport();
        var random = options.Seed is { } seed ? new Random(seed) : new Random();
        var builder = new ScenarioBuilder(options, random);
        var running = new List<Task>();
        var interval = TimeSpan.FromSeconds(1 / options.Rate);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var total = (int)Math.Ceiling(options.Seconds * options.Rate);
        for (var index = 0; index < total && !cancellationToken.IsCancellationRequested; index++)
        {
            var due = interval * index;
            if (due > clock.Elapsed)
            {
                await Task.Delay(due - clock.Elapsed, cancellationToken);
            }

            ChatScript chat;
            lock (_printing)
            {
                chat = builder.Build(index, DateTimeOffset.UtcNow);
            }

            report.Started(chat);
            running.Add(PlayAsync(index + 1, chat, report, cancellationToken));
        }

        await Task.WhenAll(running);
        return report;
    }

    private async Task PlayAsync(int number, ChatScript chat, SimulationReport report, CancellationToken cancellationToken)
    {
        var problems = new List<string>();
        for (var phase = 0; phase < chat.Phases.Count; phase++)
        {
            if (phase > 0)
            {
                await Task.Delay(options.PhaseDelay, cancellationToken);
            }

            foreach (var send in chat.Phases[phase])
            {
                var problem = send switch
                {
                    WebhookSend webhook => await SendWebhookAsync(webhook, report, cancellationToken),
                    EventsSend events => await SendEventsAsync(events, report, cancellationToken),
                    _ => null,
                };
                if (problem is not null)
                {
                    problems.Add(problem);
                }
            }
        }

        var line = $"#{number,-4} {chat.Description}" + (problems.Count == 0 ? string.Empty : " · FAILED: " + string.Join("; ", problems.Distinct()));
        lock (_printing)
        {
            output.WriteLine(line);
        }
    }

    private async Task<string?> SendWebhookAsync(WebhookSend send, SimulationReport report, CancellationToken cancellationToken)
    {
        var body = Encoding.UTF8.GetBytes(send.Body.ToJsonString());
        using var request = new HttpRequestMessage(HttpMethod.Post, "/webhooks/whatsapp") { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.TryAddWithoutValidation(WebhookSignature.HeaderName, WebhookSignature.Sign(body, options.AppSecret));
        try
        {
            using var response = await http.SendAsync(request, cancellationToken);
            report.Webhook(send, response.IsSuccessStatusCode);
            return response.IsSuccessStatusCode ? null : $"webhook {(int)response.StatusCode}";
        }
        catch (HttpRequestException e)
        {
            report.Webhook(send, accepted: false);
            return "webhook: " + e.Message;
        }
    }

    private async Task<string?> SendEventsAsync(EventsSend send, SimulationReport report, CancellationToken cancellationToken)
    {
        if (send.Events.Count == 0)
        {
            return null;
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/events")
        {
            Content = new StringContent(send.Events.ToJsonString(), Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", options.Key);
        try
        {
            using var response = await http.SendAsync(request, cancellationToken);
            var text = await response.Content.ReadAsStringAsync(cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                report.Events(send, accepted: false, 0);
                return $"events {(int)response.StatusCode} {Shorten(text)}";
            }

            using var answer = JsonDocument.Parse(text);
            var stored = answer.RootElement.TryGetProperty("stored", out var s) && s.TryGetInt32(out var n) ? n : 0;
            report.Events(send, accepted: true, stored);
            return null;
        }
        catch (HttpRequestException e)
        {
            report.Events(send, accepted: false, 0);
            return "events: " + e.Message;
        }
    }

    private static string Shorten(string text) => text.Length <= 300 ? text : text[..300] + "…";
}
