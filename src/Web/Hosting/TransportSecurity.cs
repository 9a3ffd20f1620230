namespace WapListing.Web.Hosting;

/// <summary>HTTPS redirection and HSTS: on in production, off in Development and in the test environment (plain HTTP).</summary>
public static class TransportSecurity
{
    public const string TestingEnvironment = "Testing";
    public const string RequireHttpsSetting = "Security:RequireHttps";

    /// <summary>The setting Security:RequireHttps wins; without it, every environment but Development and Testing requires HTTPS.</summary>
    public static bool RequiresHttps(IConfiguration configuration, IHostEnvironment environment) =>
        configuration.GetValue(
            RequireHttpsSetting,
            !environment.IsDevelopment() && !environment.IsEnvironment(TestingEnvironment));

    public static IServiceCollection AddTransportSecurity(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddHsts(options =>
        {
            options.MaxAge = TimeSpan.FromDays(365);
            options.IncludeSubDomains = true;
        });
        services.AddHttpsRedirection(options => options.HttpsPort = configuration.GetValue("Security:HttpsPort", 443));
        return services;
    }
}
