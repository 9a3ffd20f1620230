using System.Net;
using System.Text.RegularExpressions;

namespace WapListing.FunctionalTests.Listing;

/// <summary>Reads what the listing page shows: its row names (all pages) and its totals.</summary>
public static partial class ListingPages
{
    public static async Task<List<string>> AllRowNamesAsync(HttpClient client, string query)
    {
        var names = new List<string>();
        for (var page = 1; page <= 40; page++)
        {
            var separator = query.Length == 0 ? "" : "&";
            var html = await GetOkAsync(client, $"/listing/wap?{query}{separator}size=250&page={page}");
            var rows = RowNames(html);
            names.AddRange(rows);
            if (rows.Count < 250 || IsLastPage(html))
            {
                break;
            }
        }

        return names;
    }

    public static async Task<string> GetOkAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url} → {(int)response.StatusCode} {response.Headers.Location}");
        return await response.Content.ReadAsStringAsync();
    }

    public static List<string> RowNames(string html) => RowPattern().Matches(html).Select(m => m.Groups[1].Value).ToList();

    public static string TotalCount(string html) => WebUtility.HtmlDecode(TotalPattern().Match(html).Groups[1].Value);

    public static List<string> Notices(string html) =>
        NoticesPattern().Match(html) is { Success: true } block
            ? NoticeItem().Matches(block.Value).Select(m => WebUtility.HtmlDecode(m.Groups[1].Value)).ToList()
            : [];

    private static bool IsLastPage(string html) => NextDisabled().IsMatch(html);

    [GeneratedRegex("<tr data-name=\"(wap_[0-9a-f]+)\"")]
    private static partial Regex RowPattern();

    [GeneratedRegex("data-testid=\"total-count\">([^<]*)<")]
    private static partial Regex TotalPattern();

    [GeneratedRegex("data-testid=\"notices\">(.|\\n)*?</ul>")]
    private static partial Regex NoticesPattern();

    [GeneratedRegex("<li>([^<]*)</li>")]
    private static partial Regex NoticeItem();

    [GeneratedRegex("page-item disabled\"><a class=\"page-link\"[^>]*rel=\"next\"")]
    private static partial Regex NextDisabled();
}
