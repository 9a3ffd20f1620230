using WapListing.Domain.Entities;

namespace WapListing.Web.Identity;

public static class ViewerTimeZones
{
    public static TimeZoneInfo Find(string? id)
    {
        if (!string.IsNullOrEmpty(id) && TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone))
        {
            return zone;
        }

        return TimeZoneInfo.FindSystemTimeZoneById(User.DefaultTimeZoneId);
    }
}
