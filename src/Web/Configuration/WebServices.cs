using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.AspNetCore.HttpLogging;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.DataAnnotations;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.WebEncoders;
using WapListing.Infrastructure.Data;
using WapListing.Web.Errors;
using WapListing.Web.Hosting;
using WapListing.Web.Localization;
using WapListing.Web.Validation;

namespace WapListing.Web.Configuration;

/// <summary>The web platform: logging, MVC with its validation and antiforgery, localization, errors, health, limits, HTTPS.</summary>
public static class WebServices
{
    /// <summary>Structured logs with the request id/trace id scopes; JSON outside Development. Never message texts or numbers.</summary>
    public static ILoggingBuilder AddWapListingLogging(this ILoggingBuilder logging, IHostEnvironment environment)
    {
        logging.ClearProviders();
        return environment.IsDevelopment()
            ? logging.AddSimpleConsole(options => options.IncludeScopes = true)
            : logging.AddJsonConsole(options =>
            {
                options.IncludeScopes = true;
                options.UseUtcTimestamp = true;
            });
    }

    public static IServiceCollection AddWapListingWeb(this IServiceCollection services, SecurityOptions security, bool requireHttps)
    {
        services.AddOptions<SecurityOptions>().BindConfiguration(SecurityOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        if (requireHttps)
        {
            services.AddTransportSecurity(security);
        }

        services.AddSingleton(TimeProvider.System);
        services.AddHttpContextAccessor();
        services.AddWapListingRateLimits();

        // Czech letters stay readable in the HTML; markup characters (<, >, &, quotes) are still encoded.
        services.Configure<WebEncoderOptions>(options => options.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        services.AddLocalization(options => options.ResourcesPath = "Resources");
        services.Configure<RequestLocalizationOptions>(SupportedCultures.Configure);
        services.AddSingleton<IConfigureOptions<MvcOptions>, LocalizedBindingMessages>();
        services.AddSingleton<IValidationAttributeAdapterProvider, ValidationAttributeAdapters>();
        services.AddControllersWithViews(options =>
            {
                options.Filters.Add(new AutoValidateAntiforgeryTokenAttribute());
                options.Filters.Add<RequestValidationFilter>();
            })
            .AddViewLocalization()
            .AddDataAnnotationsLocalization(options =>
                options.DataAnnotationLocalizerProvider = (_, factory) => factory.Create(typeof(SharedResource)));
        services.AddProblemDetails();
        services.AddExceptionHandler<ProblemDetailsExceptionHandler>();

        // One line per request: method, path, status, duration. No query string (it carries search texts and numbers), no headers, no bodies.
        services.AddHttpLogging(options =>
        {
            options.LoggingFields = HttpLoggingFields.RequestMethod | HttpLoggingFields.RequestPath
                | HttpLoggingFields.ResponseStatusCode | HttpLoggingFields.Duration;
            options.CombineLogs = true;
        });
        services.AddHttpLoggingInterceptor<QuietIngestionLogging>();
        services.AddHealthChecks().AddDbContextCheck<WapListingDbContext>("database", tags: ["ready"]);
        return services;
    }
}
