using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using WapListing.Domain.Entities;
using WapListing.FunctionalTests.Infrastructure;
using WapListing.Infrastructure.Data;

namespace WapListing.FunctionalTests.Detail;

public static partial class DetailSupport
{
    public static async Task<HttpResponseMessage> PostFormAsync(this HttpClient client, string pageUrl, string action, Dictionary<string, string> fields)
    {
        var page = await client.GetStringAsync(pageUrl);
        fields["__RequestVerificationToken"] = HttpSignIn.AntiforgeryToken(page);
        return await client.PostAsync(action, new FormUrlEncodedContent(fields));
    }

    /// <summary>An interaction of today in the supervisor's queue Podpora CZ matching a condition.</summary>
    public static Task<Interaction> FindAsync(WapListingDbContext db, System.Linq.Expressions.Expression<Func<Interaction, bool>> condition) =>
        db.Interactions.Include(i => i.Activities).Include(i => i.Queue)
            .Where(i => i.Queue!.Name == "Podpora CZ")
            .Where(condition)
            .OrderByDescending(i => i.Time)
            .FirstAsync();

    public static string? SelectedActivity(string html) => SelectedPattern().Match(html) is { Success: true } m ? m.Groups[1].Value : null;

    public static async Task AssertNotFoundAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("data-testid=\"status-page\"", await response.Content.ReadAsStringAsync());
    }

    [GeneratedRegex("data-activity=\"(activities_[0-9a-f]+)\" aria-current=\"true\"")]
    private static partial Regex SelectedPattern();
}
