using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using WapListing.Infrastructure.Data;

namespace WapListing.Web.Api;

/// <summary>A new key: the whole secret (shown once, never stored) and its public prefix.</summary>
public sealed record NewApiKeySecret(string Secret, string Prefix);

/// <summary>
/// API key secrets: <c>wl_</c> + 8 hex characters (the public prefix) + <c>_</c> + 32 random bytes in base64url.
/// Only HMAC-SHA256(hashing key, secret) is stored. The secret carries 256 random bits, so a fast keyed hash is
/// the right tool here, not a slow password hash: nobody can guess their way to a preimage, and each API request
/// costs one hash and one indexed lookup. The lookup by hash is the comparison, so no secret is compared byte by byte.
/// The hashing key comes from configuration (<see cref="ApiKeysOptions.HashingKey"/>) or, unset, from the database,
/// created once race-free so every app node agrees; changing it invalidates every key.
/// </summary>
public sealed partial class ApiKeySecrets(IOptions<ApiKeysOptions> options, IServiceScopeFactory scopes)
{
    public const int MinimumHashingKeyBytes = 32;
    public const string PrefixMarker = "wl_";
    public const string HashingKeySetting = "api_keys.hashing_key";

    private readonly SemaphoreSlim _gate = new(1, 1);
    private byte[]? _hashingKey;

    public static NewApiKeySecret Create()
    {
        var prefix = PrefixMarker + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4));
        var secret = prefix + "_" + Base64UrlEncode(RandomNumberGenerator.GetBytes(32));
        return new NewApiKeySecret(secret, prefix);
    }

    /// <summary>Whether the text has the form of a secret (so garbage is refused before any hashing or query).</summary>
    public static bool HasSecretForm(string text) => SecretForm().IsMatch(text);

    public async Task<byte[]> HashAsync(string secret, CancellationToken cancellationToken) =>
        HMACSHA256.HashData(await GetHashingKeyAsync(cancellationToken), Encoding.UTF8.GetBytes(secret));

    public static byte[]? DecodeHashingKey(string base64)
    {
        var bytes = new byte[base64.Length];
        return Convert.TryFromBase64String(base64.Trim(), bytes, out var written) && written >= MinimumHashingKeyBytes
            ? bytes[..written]
            : null;
    }

    private async Task<byte[]> GetHashingKeyAsync(CancellationToken cancellationToken)
    {
        if (_hashingKey is { } known)
        {
            return known;
        }

        await _gate.WaitAsync(cancellationToken);
        try
        {
            return _hashingKey ??= options.Value.HashingKey is { } configured
                ? DecodeHashingKey(configured) ?? throw new InvalidOperationException("ApiKeys:HashingKey is not valid.")
                : await LoadOrCreateStoredKeyAsync(cancellationToken);
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task<byte[]> LoadOrCreateStoredKeyAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WapListingDbContext>();
        var candidate = Convert.ToBase64String(RandomNumberGenerator.GetBytes(MinimumHashingKeyBytes));

        // Whichever node inserts first wins; the others read its key.
        await db.Database.ExecuteSqlAsync(
            $"INSERT INTO app_settings (key, value) VALUES ({HashingKeySetting}, {candidate}) ON CONFLICT (key) DO NOTHING",
            cancellationToken);
        var stored = await db.AppSettings.AsNoTracking()
            .Where(s => s.Key == HashingKeySetting)
            .Select(s => s.Value)
            .SingleAsync(cancellationToken);
        return DecodeHashingKey(stored) ?? throw new InvalidOperationException($"The stored {HashingKeySetting} is not valid.");
    }

    private static string Base64UrlEncode(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    [GeneratedRegex("^wl_[0-9a-f]{8}_[A-Za-z0-9_-]{43}$")]
    private static partial Regex SecretForm();
}
