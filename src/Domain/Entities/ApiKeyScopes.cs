namespace WapListing.Domain.Entities;

[Flags]
public enum ApiKeyScopes
{
    None = 0,
    /// <summary>Push data in: the events API (DESIGN §9 B).</summary>
    Ingest = 1,
    /// <summary>Read interactions with the rights of the key's user (DESIGN §9 C).</summary>
    Read = 2,
}
