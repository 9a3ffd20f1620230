using WapListing.Domain.Entities;

namespace WapListing.Web.Features.Manage.ApiKeys;

public enum ApiKeyState
{
    Active,
    Expired,
    Revoked,
}

/// <summary>One API key as Manage shows it; times are already in the viewer's zone and culture.</summary>
public sealed record ApiKeyRow(
    int Id,
    string Name,
    string UserDisplayName,
    string? UserName,
    bool UserIsActive,
    ApiKeyScopes Scopes,
    string Prefix,
    string Created,
    string? Expires,
    string? LastUsed,
    string? Revoked,
    ApiKeyState State,
    uint Version);
