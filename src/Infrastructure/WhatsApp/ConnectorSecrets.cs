using System.Collections.Concurrent;
using Microsoft.AspNetCore.DataProtection;

namespace WapListing.Infrastructure.WhatsApp;

/// <summary>
/// The connectors' WhatsApp secrets (verify token, app secret, access token) as stored in their <c>Protected*</c>
/// columns: protected with ASP.NET Core Data Protection (keys in PostgreSQL), so the database alone never reveals them.
/// Manage writes them; the webhook and sending read them back. A secret is never logged or shown.
/// </summary>
public sealed class ConnectorSecrets(IDataProtectionProvider dataProtection)
{
    public const string Purpose = "WapListing.ConnectorSecrets";

    /// <summary>Stored columns already read: the webhook checks every delivery against the app secrets, hundreds a second.</summary>
    private const int RememberedAtMost = 1000;

    private readonly IDataProtector _protector = dataProtection.CreateProtector(Purpose);
    private readonly ConcurrentDictionary<string, string> _unprotected = new(StringComparer.Ordinal);

    public string Protect(string secret) => _protector.Protect(secret);

    /// <summary>The plain secret of a stored column, or null when none is stored.</summary>
    public string? Unprotect(string? protectedSecret)
    {
        if (protectedSecret is null)
        {
            return null;
        }

        if (_unprotected.TryGetValue(protectedSecret, out var secret))
        {
            return secret;
        }

        secret = _protector.Unprotect(protectedSecret);
        if (_unprotected.Count >= RememberedAtMost)
        {
            _unprotected.Clear();
        }

        _unprotected[protectedSecret] = secret;
        return secret;
    }
}
