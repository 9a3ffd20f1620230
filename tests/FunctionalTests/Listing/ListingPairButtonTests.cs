using System.Text.RegularExpressions;
using WapListing.Domain.Entities;
using WapListing.FunctionalTests.Infrastructure;
using static WapListing.FunctionalTests.Detail.DetailSupport;

namespace WapListing.FunctionalTests.Listing;

/// <summary>
/// The listing's <b>+</b> in the Contact column opens the detail's pair panel: it shows only to roles that may pair
/// (DESIGN §4: not Manager) and only on rows where pairing is possible (no contact yet, not anonymized, an activity to pair).
/// </summary>
public sealed partial class ListingPairButtonTests(DemoAppFixture demo) : IClassFixture<DemoAppFixture>
{
    private TestData Data => demo.Data;

    [Fact]
    public async Task A_supervisor_gets_the_button_only_on_rows_where_pairing_is_possible()
    {
        var chats = await ChatsAsync();
        var supervisor = await Data.UserSeeingAsync(UserRole.Supervisor, chats.Queue);

        var html = await ListingOfAsync(supervisor);

        Assert.True(HasPairButton(html, chats.Pairable.Name), "a chat with an activity and no contact offers +");
        Assert.False(HasPairButton(html, chats.WithoutActivity.Name), "a chat with no activity has nothing the pair panel could act on");
        Assert.False(HasPairButton(html, chats.Anonymized.Name), "an anonymized chat is never paired");
    }

    [Fact]
    public async Task A_manager_never_gets_the_button()
    {
        var chats = await ChatsAsync();
        var manager = await Data.UserSeeingAsync(UserRole.Manager, chats.Queue);

        var html = await ListingOfAsync(manager);

        Assert.Equal(3, ListingPages.RowNames(html).Count);
        Assert.False(HasPairButton(html, chats.Pairable.Name));
        Assert.DoesNotContain("data-testid=\"pair-contact\"", html);
    }

    private async Task<string> ListingOfAsync(User user)
    {
        var client = demo.App.CreateBrowserLikeClient();
        await client.SignInAsync(user.UserName!);
        return await ListingPages.GetOkAsync(client, "/listing/wap");
    }

    private async Task<(Queue Queue, Interaction Pairable, Interaction WithoutActivity, Interaction Anonymized)> ChatsAsync()
    {
        var queue = await Data.AddQueueAsync();
        var agent = await Data.AddUserAsync(UserRole.Agent);
        var pairable = await Data.AddInteractionAsync(queue, ChatTime);
        await Data.AddActivityAsync(pairable, agent, ChatTime.AddMinutes(1));
        var withoutActivity = await Data.AddInteractionAsync(queue, ChatTime.AddMinutes(5));
        var anonymized = await Data.AddInteractionAsync(queue, ChatTime.AddMinutes(10), i => i.AnonymizedAt = ChatTime.AddMinutes(20));
        await Data.AddActivityAsync(anonymized, agent, ChatTime.AddMinutes(11));
        return (queue, pairable, withoutActivity, anonymized);
    }

    private static bool HasPairButton(string html, string interactionName)
    {
        var row = RowPattern().Matches(html).SingleOrDefault(m => m.Groups[1].Value == interactionName)
            ?? throw new InvalidOperationException($"The listing has no row {interactionName}.");
        return row.Value.Contains("data-testid=\"pair-contact\"", StringComparison.Ordinal);
    }

    [GeneratedRegex("<tr data-name=\"(wap_[0-9a-f]+)\"(?:.|\\n)*?</tr>")]
    private static partial Regex RowPattern();
}
