using System.Net;
using WapListing.Domain.Entities;
using WapListing.FunctionalTests.Infrastructure;
using static WapListing.FunctionalTests.Detail.DetailSupport;

namespace WapListing.FunctionalTests.Crm;

/// <summary>
/// CRM contact and company pages and ticket pages (DESIGN §4: "CRM pages within rights"): they open for a viewer who may
/// see an interaction tied to the record, or whose role may pair contacts and merge into tickets; anyone else gets the 404
/// page, so record ids cannot be walked.
/// </summary>
public sealed class CrmPagesRightsTests(DemoAppFixture demo) : IClassFixture<DemoAppFixture>
{
    private TestData Data => demo.Data;

    [Fact]
    public async Task A_manager_who_sees_no_interaction_of_a_contact_its_company_or_a_ticket_gets_404()
    {
        var world = await WorldAsync();
        var stranger = await Data.AddUserAsync(UserRole.Manager, grants: [RightsGrant.ForQueue(world.OtherQueue.Id)]);
        var client = await SignedInAsync(stranger);

        await AssertNotFoundAsync(await client.GetAsync($"/crm/contacts/{world.Contact.Id}"));
        await AssertNotFoundAsync(await client.GetAsync($"/crm/companies/{world.Company.Id}"));
        await AssertNotFoundAsync(await client.GetAsync($"/tickets/{world.Ticket.Id}"));
    }

    [Fact]
    public async Task A_manager_who_sees_an_interaction_of_the_record_opens_its_pages()
    {
        var world = await WorldAsync();
        var manager = await Data.UserSeeingAsync(UserRole.Manager, world.Queue);
        var client = await SignedInAsync(manager);

        await AssertOpensAsync(client, $"/crm/contacts/{world.Contact.Id}", world.Chat.Name);
        await AssertOpensAsync(client, $"/crm/companies/{world.Company.Id}", world.Chat.Name);
        await AssertOpensAsync(client, $"/tickets/{world.Ticket.Id}", world.Chat.Name);
    }

    [Fact]
    public async Task A_manager_who_sees_the_interaction_through_its_participant_opens_the_contact()
    {
        var world = await WorldAsync();
        var manager = await Data.AddUserAsync(UserRole.Manager, grants: [RightsGrant.ForUser(world.Agent.Id)]);
        var client = await SignedInAsync(manager);

        await AssertOpensAsync(client, $"/crm/contacts/{world.Contact.Id}", world.Chat.Name);
    }

    [Theory]
    [InlineData(UserRole.Supervisor)]
    [InlineData(UserRole.Agent)]
    public async Task A_role_that_may_pair_and_merge_opens_records_without_a_visible_interaction(UserRole role)
    {
        var world = await WorldAsync();
        var pairer = await Data.AddUserAsync(role, grants: [RightsGrant.ForQueue(world.OtherQueue.Id)]);
        var client = await SignedInAsync(pairer);

        foreach (var url in new[] { $"/crm/contacts/{world.Contact.Id}", $"/crm/companies/{world.Company.Id}", $"/tickets/{world.Ticket.Id}" })
        {
            var response = await client.GetAsync(url);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.DoesNotContain(world.Chat.Name, await response.Content.ReadAsStringAsync());
        }
    }

    [Fact]
    public async Task Unknown_records_give_404_to_everyone()
    {
        var client = demo.App.CreateBrowserLikeClient();
        await client.SignInAsync("admin");

        await AssertNotFoundAsync(await client.GetAsync($"/crm/contacts/{int.MaxValue}"));
        await AssertNotFoundAsync(await client.GetAsync($"/crm/companies/{int.MaxValue}"));
        await AssertNotFoundAsync(await client.GetAsync($"/tickets/{int.MaxValue}"));
    }

    private static async Task AssertOpensAsync(HttpClient client, string url, string interactionName)
    {
        var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(interactionName, await response.Content.ReadAsStringAsync());
    }

    /// <summary>A chat in a queue, handled by an agent, paired with a contact of a company, its activity merged into a ticket; and another queue.</summary>
    private async Task<World> WorldAsync()
    {
        var queue = await Data.AddQueueAsync();
        var otherQueue = await Data.AddQueueAsync();
        var company = await Data.AddCompanyAsync($"Firma {TestData.Suffix()}");
        var contact = await Data.AddContactAsync($"Kontakt {TestData.Suffix()}", company: company);
        var ticket = await Data.AddTicketAsync($"Tiket {TestData.Suffix()}");
        var agent = await Data.AddUserAsync(UserRole.Agent);
        var chat = await Data.AddInteractionAsync(queue, ChatTime, i => i.ContactId = contact.Id);
        await Data.AddActivityAsync(chat, agent, ChatTime.AddMinutes(1), a =>
        {
            a.ContactId = contact.Id;
            a.TicketId = ticket.Id;
        });
        return new World(queue, otherQueue, company, contact, ticket, agent, chat);
    }

    private async Task<HttpClient> SignedInAsync(User user)
    {
        var client = demo.App.CreateBrowserLikeClient();
        await client.SignInAsync(user.UserName!);
        return client;
    }

    private sealed record World(Queue Queue, Queue OtherQueue, Company Company, Contact Contact, Ticket Ticket, User Agent, Interaction Chat);
}
