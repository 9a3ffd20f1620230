namespace WapListing.Web.Features.Manage.Audit;

public static class AuditRegistration
{
    /// <summary>The use cases of Manage → Audit log.</summary>
    public static IServiceCollection AddManageAudit(this IServiceCollection services) => services.AddScoped<GetAuditLog>();
}
