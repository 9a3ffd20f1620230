namespace WapListing.Web.Features.Manage.Connectors;

/// <summary>A connector's number in E.164: "+", then 8 to 15 digits, the first not 0; spaces people type are dropped.</summary>
public static class ConnectorPhoneNumbers
{
    public static string? Normalise(string text)
    {
        var compact = string.Concat(text.Where(c => !char.IsWhiteSpace(c)));
        var digits = compact.Length > 0 && compact[0] == '+' ? compact[1..] : null;
        return digits is { Length: >= 8 and <= 15 } && digits.All(char.IsAsciiDigit) && digits[0] != '0' ? compact : null;
    }
}
