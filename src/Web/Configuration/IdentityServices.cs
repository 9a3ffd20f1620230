using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using WapListing.Domain.Entities;
using WapListing.Infrastructure.Data;
using WapListing.Web.Api;
using WapListing.Web.Authorization;
using WapListing.Web.Identity;

namespace WapListing.Web.Configuration;

/// <summary>Sign-in (ASP.NET Core Identity, cookie), the access policies of DESIGN §4 and the current viewer.</summary>
public static class IdentityServices
{
    public static IServiceCollection AddWapListingIdentity(this IServiceCollection services)
    {
        services.AddIdentity<User, IdentityRole<int>>(options =>
            {
                options.Lockout.MaxFailedAccessAttempts = 5;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                options.Lockout.AllowedForNewUsers = true;
                options.Password.RequiredLength = 8;
                options.User.RequireUniqueEmail = false;
            })
            .AddEntityFrameworkStores<WapListingDbContext>()
            .AddDefaultTokenProviders()
            .AddErrorDescriber<LocalizedIdentityErrorDescriber>();
        services.ConfigureApplicationCookie(options =>
        {
            options.LoginPath = "/account/login";
            options.LogoutPath = "/account/logout";
            options.AccessDeniedPath = "/account/denied";
            options.Cookie.Name = "waplisting.auth";
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Lax;
            options.SlidingExpiration = true;
            options.ExpireTimeSpan = TimeSpan.FromHours(10);
            options.Events.OnValidatePrincipal = PerRequestPrincipalRefresh.ValidateAsync;

            // A forbidden request is answered 403 where it was made (the status page explains), not redirected.
            options.Events.OnRedirectToAccessDenied = context =>
            {
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                return Task.CompletedTask;
            };
        });
        services.AddDataProtection()
            .SetApplicationName("WapListing")
            .PersistKeysToDbContext<WapListingDbContext>();
        services.AddApiKeyAuthentication();
        services.AddAuthorization(options => options.AddWapListingPolicies());
        services.AddScoped<CurrentViewer>();
        services.AddScoped<ViewerAccess>();
        return services;
    }
}
