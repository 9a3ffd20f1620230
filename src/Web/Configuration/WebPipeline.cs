using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using WapListing.Web.Api.OpenApi;
using WapListing.Web.Hosting;

namespace WapListing.Web.Configuration;

/// <summary>The request pipeline, in order: logging, errors, transport security, headers, static files, routing, limits, identity, language, endpoints.</summary>
public static class WebPipeline
{
    public static WebApplication UseWapListing(this WebApplication app, bool requireHttps)
    {
        app.UseHttpLogging();
        app.UseExceptionHandler("/error");
        if (requireHttps)
        {
            app.UseHsts();
            app.UseHttpsRedirection();
        }

        app.UseSecurityHeaders();
        app.UseStatusCodePagesWithReExecute("/error/{0}");
        app.UseStaticFiles();
        app.UseRouting();
        app.UseRateLimiter();
        app.UseAuthentication();
        app.UseDatabaseOutageGuard();
        app.UseRequestLocalization();
        app.UseAuthorization();

        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains("ready") })
            .AllowAnonymous();
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false }).AllowAnonymous();
        app.MapControllers();
        app.MapApiDocument();
        return app;
    }
}
