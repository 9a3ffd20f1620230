using System.Globalization;

namespace WapListing.UnitTests;

/// <summary>Runs code under a culture (format and UI) and restores the thread's own afterwards.</summary>
internal static class Culture
{
    public static T In<T>(string name, Func<T> action)
    {
        var saved = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = new CultureInfo(name);
            return action();
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = saved;
        }
    }
}
