namespace WapListing.Domain.Entities;

/// <summary>
/// A key for the HTTP API (DESIGN §8, §9). The secret is shown once; only its keyed hash is stored.
/// A <see cref="ApiKeyScopes.Read"/> key reads with the rights of <see cref="UserId"/>.
/// </summary>
public class ApiKey
{
    public int Id { get; set; }
    public required string Name { get; set; }
    /// <summary>The user whose rights a read key carries.</summary>
    public int UserId { get; set; }
    public User? User { get; set; }
    public ApiKeyScopes Scopes { get; set; }
    /// <summary>The secret's first characters, public, so people can tell keys apart ("wl_3f9a…").</summary>
    public required string Prefix { get; set; }
    /// <summary>HMAC-SHA256 of the whole secret under the server's hashing key.</summary>
    public required byte[] SecretHash { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public int? CreatedById { get; set; }
    public DateTimeOffset? ExpiresAt { get; set; }
    public DateTimeOffset? RevokedAt { get; set; }
    public DateTimeOffset? LastUsedAt { get; set; }

    /// <summary>PostgreSQL's xmin: optimistic concurrency for Manage edits.</summary>
    public uint Version { get; set; }
}
