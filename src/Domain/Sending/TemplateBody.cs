using System.Globalization;
using System.Text.RegularExpressions;

namespace WapListing.Domain.Sending;

/// <summary>
/// The body of a WhatsApp message template with positional parameters <c>{{1}}</c>, <c>{{2}}</c> …: how many it takes,
/// what the customer will read with given values, and whether a value is one WhatsApp accepts.
/// </summary>
public static partial class TemplateBody
{
    /// <summary>WhatsApp's limit for a template body once its parameters are filled in.</summary>
    public const int MaxRenderedLength = 1024;

    /// <summary>The length this app allows one parameter value.</summary>
    public const int MaxParameterLength = 1024;

    /// <summary>The highest <c>{{n}}</c> in the body (WhatsApp numbers them 1…n without gaps); 0 when it takes none.</summary>
    public static int ParameterCount(string body) =>
        Placeholder().Matches(body).Select(m => int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)).DefaultIfEmpty(0).Max();

    /// <summary>Whether the body uses named parameters (<c>{{first_name}}</c>), which this app does not fill in.</summary>
    public static bool HasNamedParameters(string body) => NamedPlaceholder().IsMatch(body);

    /// <summary>The body with each <c>{{n}}</c> replaced by the n-th value (left as it is when there is none).</summary>
    public static string Render(string body, IReadOnlyList<string> parameters) =>
        Placeholder().Replace(body, m =>
        {
            var index = int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) - 1;
            return index >= 0 && index < parameters.Count ? parameters[index] : m.Value;
        });

    /// <summary>
    /// Whether WhatsApp takes this parameter value: not empty, no new line or tab, not more than four spaces in a row
    /// (the Cloud API refuses those with error 132018), and within <see cref="MaxParameterLength"/>.
    /// </summary>
    public static bool IsAcceptableParameter(string? value) =>
        !string.IsNullOrWhiteSpace(value)
        && value.Length <= MaxParameterLength
        && value.IndexOfAny(['\n', '\r', '\t']) < 0
        && !value.Contains("     ", StringComparison.Ordinal);

    [GeneratedRegex(@"\{\{\s*(\d{1,2})\s*\}\}", RegexOptions.CultureInvariant)]
    private static partial Regex Placeholder();

    [GeneratedRegex(@"\{\{\s*[A-Za-z_][A-Za-z0-9_]*\s*\}\}", RegexOptions.CultureInvariant)]
    private static partial Regex NamedPlaceholder();
}
