using WapListing.Infrastructure.Data;
using WapListing.Infrastructure.EmbeddedPostgres;
using WapListing.Web.Api.OpenApi;
using WapListing.Web.Configuration;
using WapListing.Web.Features.Ingestion;
using WapListing.Web.Hosting;

if (AppCommands.IsSimulate(args))
{
    // Plays a contact centre over HTTP only: no host, no database connection needed.
    return await AppCommands.SimulateAsync(args);
}

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

var security = builder.Configuration.GetSection(SecurityOptions.Section).Get<SecurityOptions>() ?? new SecurityOptions();
var requireHttps = TransportSecurity.RequiresHttps(security, builder.Environment);
builder.Logging.AddWapListingLogging(builder.Environment);
builder.Services
    .AddWapListingWeb(security, requireHttps)
    .AddWapListingDatabase(connectionString)
    .AddWapListingIdentity()
    .AddListingFeature()
    .AddDetailFeature()
    .AddExportFeature()
    .AddCrmFeature()
    .AddManageFeature()
    .AddIngestion()
    .AddApiDocument();

var app = builder.Build();
if (AppCommands.IsCommand(args))
{
    return await AppCommands.RunAsync(args, app.Services);
}

if (preparesEmbeddedDatabase)
{
    await DevelopmentDatabase.PrepareAsync(app.Services);
}

await app.UseWapListing(requireHttps).RunAsync();
return 0;

public partial class Program;
