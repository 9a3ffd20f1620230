using Microsoft.AspNetCore.Authorization;
using WapListing.Domain.Entities;
using WapListing.Web.Api;

namespace WapListing.Web.Authorization;

/// <summary>The access table of DESIGN §4: what each role may do. Rows are decided by the rights rule.</summary>
public static class Policies
{
    public const string EditInteractions = nameof(EditInteractions);
    public const string AddQaReview = nameof(AddQaReview);

    /// <summary>Everyone's QA reviews; without it a viewer sees only the reviews of their own activities.</summary>
    public const string ViewAllQaReviews = nameof(ViewAllQaReviews);
    public const string RemoveFromMissed = nameof(RemoveFromMissed);
    public const string Export = nameof(Export);
    public const string Anonymize = nameof(Anonymize);
    public const string Manage = nameof(Manage);

    /// <summary>Any valid API key (scheme <see cref="ApiKeyAuthentication.Scheme"/>); cookies do not count.</summary>
    public const string Api = nameof(Api);

    /// <summary>An API key with scope <c>read</c>: reads with the rights of the key's user (DESIGN §9 C).</summary>
    public const string ApiRead = nameof(ApiRead);

    /// <summary>An API key with scope <c>ingest</c> (DESIGN §9 B).</summary>
    public const string ApiIngest = nameof(ApiIngest);

    public static void AddWapListingPolicies(this AuthorizationOptions options)
    {
        options.FallbackPolicy = new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build();
        Add(options, EditInteractions, UserRole.Administrator, UserRole.Supervisor, UserRole.Agent);
        Add(options, AddQaReview, UserRole.Administrator, UserRole.Supervisor);
        Add(options, ViewAllQaReviews, UserRole.Administrator, UserRole.Supervisor, UserRole.Manager);
        Add(options, RemoveFromMissed, UserRole.Administrator, UserRole.Supervisor);
        Add(options, Export, UserRole.Administrator, UserRole.Supervisor, UserRole.Manager);
        Add(options, Anonymize, UserRole.Administrator, UserRole.Supervisor);
        Add(options, Manage, UserRole.Administrator);
        options.AddPolicy(Api, policy => policy.AddAuthenticationSchemes(ApiKeyAuthentication.Scheme).RequireAuthenticatedUser());
        AddApi(options, ApiRead, ApiKeyClaims.ReadScope);
        AddApi(options, ApiIngest, ApiKeyClaims.IngestScope);
    }

    private static void AddApi(AuthorizationOptions options, string name, string scope) =>
        options.AddPolicy(name, policy => policy
            .AddAuthenticationSchemes(ApiKeyAuthentication.Scheme)
            .RequireAuthenticatedUser()
            .RequireClaim(ApiKeyClaims.Scope, scope));

    private static void Add(AuthorizationOptions options, string name, params UserRole[] roles) =>
        options.AddPolicy(name, policy => policy.RequireRole(roles.Select(r => r.ToString())));
}
