using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.HttpLogging;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.WebEncoders;
using WapListing.Domain.Entities;
using WapListing.Infrastructure.Data;
using WapListing.Infrastructure.EmbeddedPostgres;
using WapListing.Web.Authorization;
using WapListing.Web.Features.Detail;
using WapListing.Web.Features.Detail.Actions;
using WapListing.Web.Features.Export;
using WapListing.Web.Features.Listing;
using WapListing.Web.Hosting;
using WapListing.Web.Identity;
using WapListing.Web.Localization;

var builder = WebApplication.CreateBuilder(args);

bool preparesEmbeddedDatabase;
try
{
    preparesEmbeddedDatabase = DevelopmentDatabase.UseEmbeddedWhenUnconfigured(builder);
}
catch (PostgresBinariesNotFoundException e)
{
    Console.Error.WriteLine(e.Message);
    return 1;
}

var connectionString = builder.Configuration.GetConnectionString(DatabaseRegistration.ConnectionStringName);
if (string.IsNullOrWhiteSpace(connectionString))
{
    Console.Error.WriteLine(
        $"No database configured: set ConnectionStrings__{DatabaseRegistration.ConnectionStringName} " +
        "(or run in Development to use the embedded PostgreSQL).");
    return 1;
}

// Structured logs with the request id/trace id scopes; JSON outside Development. Never log message texts or numbers.
builder.Logging.ClearProviders();
if (builder.Environment.IsDevelopment())
{
    builder.Logging.AddSimpleConsole(options => options.IncludeScopes = true);
}
else
{
    builder.Logging.AddJsonConsole(options =>
    {
        options.IncludeScopes = true;
        options.UseUtcTimestamp = true;
    });
}

var requireHttps = TransportSecurity.RequiresHttps(builder.Configuration, builder.Environment);
var services = builder.Services;
if (requireHttps)
{
    services.AddTransportSecurity(builder.Configuration);
}

services.AddSingleton(TimeProvider.System);
services.AddWapListingDatabase(connectionString);
services.AddHttpContextAccessor();

services.AddIdentity<User, IdentityRole<int>>(options =>
    {
        options.Lockout.MaxFailedAccessAttempts = 5;
        options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
        options.Lockout.AllowedForNewUsers = true;
        options.Password.RequiredLength = 8;
        options.User.RequireUniqueEmail = false;
    })
    .AddEntityFrameworkStores<WapListingDbContext>()
    .AddDefaultTokenProviders();
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
services.AddAuthorization(options => options.AddWapListingPolicies());
services.AddWapListingRateLimits(builder.Configuration);

// Czech letters stay readable in the HTML; markup characters (<, >, &, quotes) are still encoded.
services.Configure<WebEncoderOptions>(options => options.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
services.AddLocalization(options => options.ResourcesPath = "Resources");
services.Configure<Microsoft.AspNetCore.Builder.RequestLocalizationOptions>(SupportedCultures.Configure);
services.AddControllersWithViews(options => options.Filters.Add(new AutoValidateAntiforgeryTokenAttribute()))
    .AddViewLocalization()
    .AddDataAnnotationsLocalization(options =>
        options.DataAnnotationLocalizerProvider = (_, factory) => factory.Create(typeof(SharedResource)));

// One line per request: method, path, status, duration. No query string (it carries search texts and numbers), no headers, no bodies.
services.AddHttpLogging(options =>
{
    options.LoggingFields = HttpLoggingFields.RequestMethod | HttpLoggingFields.RequestPath
        | HttpLoggingFields.ResponseStatusCode | HttpLoggingFields.Duration;
    options.CombineLogs = true;
});

services.AddHealthChecks().AddDbContextCheck<WapListingDbContext>("database", tags: ["ready"]);

services.AddScoped<CurrentViewer>();
services.AddScoped<GetWapListing>();
services.AddScoped<ListingCriteriaReader>();
services.AddScoped<GetListingPickers>();
services.AddScoped<GetInteractionDetail>();
services.AddScoped<DetailSearches>();
services.AddScoped<GetAttachment>();
services.AddScoped<StartNewActivity>();
services.AddScoped<RemoveFromMissed>();
services.AddScoped<PairContact>();
services.AddScoped<MergeIntoTicket>();
services.AddScoped<AddQaReview>();
services.AddScoped<AnonymizeInteraction>();
services.Configure<ExportOptions>(builder.Configuration.GetSection("Export"));
services.AddSingleton<ExportGate>();
services.AddScoped<ListingExporter>();
services.AddScoped<GetExportDialog>();
services.AddScoped<WapListing.Web.Features.Crm.GetCrmRecord>();
services.AddScoped<WapListing.Web.Features.Manage.GetUsersAndRights>();

var app = builder.Build();

if (AppCommands.IsCommand(args))
{
    return await AppCommands.RunAsync(args, app.Services);
}

if (preparesEmbeddedDatabase)
{
    await DevelopmentDatabase.PrepareAsync(app.Services);
}

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

await app.RunAsync();
return 0;

public partial class Program;
