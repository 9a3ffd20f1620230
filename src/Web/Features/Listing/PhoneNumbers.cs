namespace WapListing.Web.Features.Listing;

/// <summary>Normalises what people type as a phone number to E.164 (+420601234567) before comparing.</summary>
public static class PhoneNumbers
{
    private const string DefaultCountryCode = "420";

    public static string? ToE164(string text)
    {
        var trimmed = text.Trim();
        var digits = new string(trimmed.Where(char.IsAsciiDigit).ToArray());
        if (trimmed.Any(c => !char.IsAsciiDigit(c) && c is not ('+' or ' ' or '-' or '(' or ')' or '.' or '/')))
        {
            return null;
        }

        if (trimmed.StartsWith('+'))
        {
            return digits.Length is >= 8 and <= 15 ? "+" + digits : null;
        }

        if (digits.StartsWith("00", StringComparison.Ordinal))
        {
            digits = digits[2..];
            return digits.Length is >= 8 and <= 15 ? "+" + digits : null;
        }

        // A national Czech number (9 digits) gets the default country code.
        return digits.Length == 9 ? "+" + DefaultCountryCode + digits : digits.Length is >= 10 and <= 15 ? "+" + digits : null;
    }
}
