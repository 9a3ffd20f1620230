using Microsoft.EntityFrameworkCore;
using WapListing.Domain.Entities;
using WapListing.FunctionalTests.Infrastructure;
using WapListing.Infrastructure.Missed;
using static WapListing.FunctionalTests.Detail.DetailSupport;

namespace WapListing.FunctionalTests.Detail;

/// <summary>
/// The one rule that turns a missed chat (1) into contacted back (NO): a real outbound message to the same customer on
/// the same connector after the missed time (DESIGN §9 B), called by whatever stores outbound messages.
/// </summary>
public sealed class ContactedBackTests(DemoAppFixture demo) : IClassFixture<DemoAppFixture>
{
    private const string Customer = "+420608444555";

    private TestData Data => demo.Data;

    private Task<Interaction> MissedChatAsync(Queue queue, string number = Customer) =>
        Data.AddInteractionAsync(queue, ChatTime, i =>
        {
            i.CustomerNumber = number;
            i.Answered = false;
            i.TalkTime = 0;
            i.MissedState = MissedState.Shown;
            i.MissedTime = ChatTime.AddMinutes(5);
        });

    private Task<Interaction> OutboundChatAsync(Queue queue, User agent, DateTimeOffset time, int? connectorId = null) =>
        Data.AddInteractionAsync(queue, time, i =>
        {
            i.Direction = InteractionDirection.Out;
            i.CustomerNumber = Customer;
            i.UserId = agent.Id;
            i.WaitTime = 0;
            i.ConnectorId = connectorId ?? queue.ConnectorId;
        });

    private async Task<int> ApplyAsync(Interaction outbound)
    {
        await using var db = demo.OpenDb();
        return await ContactedBack.ApplyAsync(db, outbound.Id, CancellationToken.None);
    }

    [Fact]
    public async Task An_outbound_message_to_the_customer_on_the_same_connector_after_the_missed_time_makes_the_missed_chat_contacted_back()
    {
        var (supervisor, queue) = await Data.SupervisorWithQueueAsync();
        var missed = await MissedChatAsync(queue);
        var otherCustomer = await MissedChatAsync(queue, "+420608000111");
        var outbound = await OutboundChatAsync(queue, supervisor, ChatTime.AddMinutes(20));
        Assert.Equal(0, await ApplyAsync(outbound)); // no message yet: nothing happened

        var sent = await Data.AddMessageAsync(outbound, ChatTime.AddMinutes(21), "Dobrý den, volali jste nám?", MessageDirection.AgentToCustomer, m => m.AuthorUserId = supervisor.Id);
        Assert.Equal(1, await ApplyAsync(outbound));
        Assert.Equal(0, await ApplyAsync(outbound)); // idempotent

        await using var after = demo.OpenDb();
        var contactedBack = await after.Interactions.Include(i => i.ProcessingEvents).SingleAsync(i => i.Id == missed.Id);
        Assert.Equal((MissedState.ContactedBack, (long?)outbound.Id), (contactedBack.MissedState, contactedBack.ContactedBackById));
        var ev = Assert.Single(contactedBack.ProcessingEvents);
        Assert.Equal((ProcessingEventKind.ContactedBack, sent.Time, (int?)supervisor.Id, outbound.Name), (ev.Kind, ev.Time, ev.UserId, ev.Detail));
        Assert.Equal(MissedState.Shown, await after.Interactions.Where(i => i.Id == otherCustomer.Id).Select(i => i.MissedState).SingleAsync());
    }

    [Fact]
    public async Task A_message_before_the_missed_time_on_another_connector_from_the_customer_or_failed_contacts_nobody_back()
    {
        var (supervisor, queue) = await Data.SupervisorWithQueueAsync();
        var missed = await MissedChatAsync(queue);
        var otherConnector = await Data.AddConnectorAsync($"WhatsApp {TestData.Suffix()}", "+420800111000");

        var before = await OutboundChatAsync(queue, supervisor, ChatTime);
        await Data.AddMessageAsync(before, ChatTime.AddMinutes(1), "Před zmeškáním", MessageDirection.AgentToCustomer);
        var elsewhere = await OutboundChatAsync(queue, supervisor, ChatTime.AddMinutes(20), otherConnector.Id);
        await Data.AddMessageAsync(elsewhere, ChatTime.AddMinutes(21), "Jiné číslo firmy", MessageDirection.AgentToCustomer);
        var onlyCustomer = await OutboundChatAsync(queue, supervisor, ChatTime.AddMinutes(30));
        await Data.AddMessageAsync(onlyCustomer, ChatTime.AddMinutes(31), "Píše jen zákazník");
        var failed = await OutboundChatAsync(queue, supervisor, ChatTime.AddMinutes(40));
        await Data.AddMessageAsync(failed, ChatTime.AddMinutes(41), "Nedoručeno", MessageDirection.AgentToCustomer, m => m.DeliveryStatus = DeliveryStatus.Failed);

        foreach (var outbound in new[] { before, elsewhere, onlyCustomer, failed })
        {
            Assert.Equal(0, await ApplyAsync(outbound));
        }

        await using var after = demo.OpenDb();
        Assert.Equal(MissedState.Shown, await after.Interactions.Where(i => i.Id == missed.Id).Select(i => i.MissedState).SingleAsync());
    }
}
