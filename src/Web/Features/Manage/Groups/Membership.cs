namespace WapListing.Web.Features.Manage.Groups;

/// <summary>Makes a tracked many-to-many collection hold exactly the wanted items: only the differences are written.</summary>
public static class Membership
{
    public static void Set<T>(ICollection<T> current, IReadOnlyCollection<T> wanted, Func<T, int> id)
    {
        var wantedIds = wanted.Select(id).ToHashSet();
        foreach (var gone in current.Where(item => !wantedIds.Contains(id(item))).ToList())
        {
            current.Remove(gone);
        }

        var currentIds = current.Select(id).ToHashSet();
        foreach (var added in wanted.Where(item => !currentIds.Contains(id(item))))
        {
            current.Add(added);
        }
    }
}
