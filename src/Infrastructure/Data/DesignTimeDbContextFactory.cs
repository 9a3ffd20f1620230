using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace WapListing.Infrastructure.Data;

/// <summary>Lets `dotnet ef migrations add` build the model without a running database.</summary>
public class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<WapListingDbContext>
{
    public WapListingDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<WapListingDbContext>();
        DatabaseRegistration.Configure(options, "Host=localhost;Database=waplisting_design");
        return new WapListingDbContext(options.Options);
    }
}
