using System.Net;
using System.Text.RegularExpressions;

namespace WapListing.FunctionalTests.Infrastructure;

public static partial class HttpSignIn
{
    public const string DemoPassword = "Demo123!";

    /// <summary>Posts the login form the way a browser does (antiforgery token included) and returns the response.</summary>
    public static async Task<HttpResponseMessage> PostLoginAsync(this HttpClient client, string userName, string password, string? returnUrl = null)
    {
        var loginUrl = returnUrl is null ? "/account/login" : $"/account/login?returnUrl={Uri.EscapeDataString(returnUrl)}";
        var form = await client.GetStringAsync(loginUrl);
        var fields = new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = AntiforgeryToken(form),
            ["UserName"] = userName,
            ["Password"] = password,
        };
        if (returnUrl is not null)
        {
            fields["ReturnUrl"] = returnUrl;
        }

        return await client.PostAsync("/account/login", new FormUrlEncodedContent(fields));
    }

    public static async Task SignInAsync(this HttpClient client, string userName, string password = DemoPassword)
    {
        var response = await client.PostLoginAsync(userName, password);
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"Sign-in of {userName} failed: {(int)response.StatusCode}.");
        }
    }

    public static string AntiforgeryToken(string html)
    {
        var match = TokenPattern().Match(html);
        return match.Success ? WebUtility.HtmlDecode(match.Groups[1].Value) : throw new InvalidOperationException("No antiforgery token in the page.");
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
