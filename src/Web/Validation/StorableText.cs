namespace WapListing.Web.Validation;

/// <summary>
/// Text PostgreSQL can store and compare: no NUL character (PostgreSQL's text cannot hold it) and no lone UTF-16 surrogate
/// (it has no UTF-8 form, so the driver cannot send it). Every text that reaches the database is checked with this first.
/// </summary>
public static class StorableText
{
    public static bool IsStorable(string? text)
    {
        if (text is null)
        {
            return true;
        }

        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\0')
            {
                return false;
            }

            if (char.IsHighSurrogate(c))
            {
                if (i + 1 >= text.Length || !char.IsLowSurrogate(text[i + 1]))
                {
                    return false;
                }

                i++;
            }
            else if (char.IsLowSurrogate(c))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The first <paramref name="maxLength"/> characters, one fewer when the cut would split a surrogate pair.</summary>
    public static string Shorten(string text, int maxLength) =>
        text.Length <= maxLength ? text
        : maxLength > 0 && char.IsHighSurrogate(text[maxLength - 1]) ? text[..(maxLength - 1)]
        : text[..maxLength];
}
