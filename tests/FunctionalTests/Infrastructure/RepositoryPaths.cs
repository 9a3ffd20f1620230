namespace WapListing.FunctionalTests.Infrastructure;

public static class RepositoryPaths
{
    /// <summary>The clone's top folder (the one holding WapListing.sln).</summary>
    public static string Root { get; } = FindRoot();

    /// <summary>Git-ignored folder where browser tests save the pages they visit.</summary>
    public static string Screenshots => Path.Combine(Root, "artifacts", "screenshots");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "WapListing.sln")))
            {
                return dir.FullName;
            }
        }

        return AppContext.BaseDirectory;
    }
}
