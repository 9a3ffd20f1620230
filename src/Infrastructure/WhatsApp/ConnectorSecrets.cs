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

    private readonly IDataProtector _protector = dataProtection.CreateProtector(Purpose);

    public string Protect(string secret) => _protector.Protect(secret);

    /// <summary>The plain secret of a stored column, or null when none is stored.</summary>
    public string? Unprotect(string? protectedSecret) =>
        protectedSecret is null ? null : _protector.Unprotect(protectedSecret);
}
