using System.Security.Cryptography;

namespace WapListing.Web.Features.Manage.Users;

/// <summary>
/// Strong random passwords for new users and password resets: 20 characters from the upper and lower letters, digits
/// and a few symbols (about 120 bits), each kind at least once so any reasonable password rule accepts them.
/// Letters and digits that look alike (O/0, l/1/I) are left out, as people copy them by hand.
/// </summary>
public static class GeneratedPasswords
{
    private const string Upper = "ABCDEFGHJKLMNPQRSTUVWXYZ";
    private const string Lower = "abcdefghijkmnopqrstuvwxyz";
    private const string Digits = "23456789";
    private const string Symbols = "!#$%&*+-=?@";
    private const string All = Upper + Lower + Digits + Symbols;
    public const int Length = 20;

    public static string New()
    {
        while (true)
        {
            var password = RandomNumberGenerator.GetString(All, Length);
            if (password.AsSpan().IndexOfAny(Upper) >= 0 && password.AsSpan().IndexOfAny(Lower) >= 0
                && password.AsSpan().IndexOfAny(Digits) >= 0 && password.AsSpan().IndexOfAny(Symbols) >= 0)
            {
                return password;
            }
        }
    }
}
