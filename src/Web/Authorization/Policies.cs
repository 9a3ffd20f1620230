using Microsoft.AspNetCore.Authorization;
using WapListing.Domain.Entities;

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
    }

    private static void Add(AuthorizationOptions options, string name, params UserRole[] roles) =>
        options.AddPolicy(name, policy => policy.RequireRole(roles.Select(r => r.ToString())));
}
