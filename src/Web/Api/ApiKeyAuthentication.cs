using Microsoft.AspNetCore.Authentication;
using WapListing.Domain.Entities;

namespace WapListing.Web.Api;

/// <summary>
/// The HTTP API's authentication (DESIGN §9): <c>Authorization: Bearer &lt;key&gt;</c>, scheme <see cref="Scheme"/>.
/// Only the API policies name this scheme, so a key never opens a page and a cookie never authenticates an API call.
/// </summary>
public static class ApiKeyAuthentication
{
    public const string Scheme = "ApiKey";

    public static IServiceCollection AddApiKeyAuthentication(this IServiceCollection services)
    {
        services.AddOptions<ApiKeysOptions>().BindConfiguration(ApiKeysOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<ApiKeySecrets>();
        services.AddAuthentication().AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(Scheme, configureOptions: null);
        return services;
    }
}

/// <summary>Claims an API key adds to the principal, besides the ones of its user that a cookie principal has.</summary>
public static class ApiKeyClaims
{
    public const string KeyId = "waplisting:api_key";
    public const string Scope = "waplisting:scope";

    public const string IngestScope = "ingest";
    public const string ReadScope = "read";

    public static IEnumerable<string> Names(ApiKeyScopes scopes)
    {
        if (scopes.HasFlag(ApiKeyScopes.Ingest))
        {
            yield return IngestScope;
        }

        if (scopes.HasFlag(ApiKeyScopes.Read))
        {
            yield return ReadScope;
        }
    }
}
