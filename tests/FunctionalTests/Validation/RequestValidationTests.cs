using System.Net;
using WapListing.Domain.Entities;
using WapListing.FunctionalTests.Detail;
using WapListing.FunctionalTests.Infrastructure;

namespace WapListing.FunctionalTests.Validation;

/// <summary>Requests are bound to request records and validated in one step: missing or malformed fields are a 400 page or a notice, never a 500.</summary>
public sealed class RequestValidationTests(DemoAppFixture demo) : IClassFixture<DemoAppFixture>
{
    private async Task<HttpClient> SignedInAsync(string user)
    {
        var client = demo.App.CreateBrowserLikeClient();
        await client.SignInAsync(user);
        return client;
    }

    /// <summary>A missed chat with one activity, in a queue of its own that a new supervisor sees.</summary>
    private async Task<(string Supervisor, string Interaction, string Activity)> MissedChatAsync()
    {
        var (supervisor, queue) = await demo.Data.SupervisorWithQueueAsync();
        var interaction = await demo.Data.AddInteractionAsync(queue, DetailSupport.ChatTime, i =>
        {
            i.MissedState = MissedState.Shown;
            i.Answered = false;
            i.CustomerNumber = "+420601000111";
        });
        var activity = await demo.Data.AddActivityAsync(interaction, supervisor, DetailSupport.ChatTime);
        return (supervisor.UserName!, interaction.Name, activity.Name);
    }

    [Fact]
    public async Task The_anonymize_confirmation_without_a_name_is_a_400_page_naming_the_missing_field()
    {
        var client = await SignedInAsync("admin");

        var response = await client.GetAsync("/listing/activities/anonymize?activityDetail=x&culture=en");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("data-testid=\"bad-request\"", html);
        Assert.Contains("Unique name is required.", html);
    }

    [Theory]
    [InlineData("/listing/activities/start", "name")]
    [InlineData("/listing/activities/remove-missed", "name")]
    [InlineData("/listing/activities/anonymize", "name")]
    [InlineData("/listing/activities/pair", "activity")]
    [InlineData("/listing/activities/create-contact", "activity")]
    [InlineData("/listing/activities/ticket", "activity")]
    [InlineData("/listing/activities/qa", "activity")]
    public async Task A_detail_action_posted_without_its_target_name_is_a_400_and_changes_nothing(string action, string targetField)
    {
        var (_, name, _) = await MissedChatAsync();
        var client = await SignedInAsync("admin");
        await using var before = demo.OpenDb();
        var reviews = before.QaReviews.Count();
        var missed = before.Interactions.Count(i => i.MissedState == MissedState.Shown);

        var fields = new Dictionary<string, string> { ["name"] = name, ["activity"] = name, ["score"] = "50", ["contactId"] = "1", ["title"] = "T" };
        fields.Remove(targetField);

        var response = await client.PostFormAsync($"/listing/activities/?activityDetail={name}", action, fields);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("data-testid=\"bad-request\"", await response.Content.ReadAsStringAsync());
        await using var after = demo.OpenDb();
        Assert.Equal(reviews, after.QaReviews.Count());
        Assert.Equal(missed, after.Interactions.Count(i => i.MissedState == MissedState.Shown));
    }

    [Fact]
    public async Task A_malformed_number_in_a_detail_form_returns_to_the_detail_with_the_invalid_notice()
    {
        var (supervisor, _, activity) = await MissedChatAsync();
        var client = await SignedInAsync(supervisor);

        var response = await client.PostFormAsync($"/listing/activities/?activityDetail={activity}", "/listing/activities/qa", new() { ["activity"] = activity, ["score"] = "abc" });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/listing/activities/?activityDetail={activity}&done=invalid", response.Headers.Location!.ToString());
    }

    [Fact]
    public async Task The_400_page_speaks_the_viewers_language()
    {
        var client = await SignedInAsync("admin");

        var response = await client.GetAsync("/listing/activities/anonymize?culture=cs");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("Požadavek nelze zpracovat", html);
        Assert.Contains("Unikátní název: povinný údaj.", html);
    }
}
