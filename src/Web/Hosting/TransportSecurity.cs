namespace WapListing.Web.Hosting;

/// <summary>HTTPS redirection and HSTS: on in production, off in Development and in the test environment (plain HTTP).</summary>
public static class TransportSecurity
{
    public const string TestingEnvironment = "Testing";

    /// <summary>The setting Security:RequireHttps wins; without it, every environment but Development and Testing requires HTTPS.</summary>
    public static bool RequiresHttps(SecurityOptions options, IHostEnvironment environment) =>
        options.RequireHttps ?? (!environment.IsDevelopment() && !environment.IsEnvironment(TestingEnvironment));

    public static IServiceCollection AddTransportSecurity(this IServiceCollection services, SecurityOptions options)
    {
        services.AddHsts(hsts =>
        {
            hsts.MaxAge = TimeSpan.FromDays(365);
            hsts.IncludeSubDomains = true;
        });
        services.AddHttpsRedirection(redirection => redirection.HttpsPort = options.HttpsPort);
        return services;
    }
}
