using System.Runtime.CompilerServices;

namespace WapListing.FunctionalTests.Infrastructure;

internal static class ModuleSetup
{
    /// <summary>Test hosts never reload configuration files: each reload watcher costs an inotify instance, and tests start many hosts.</summary>
    [ModuleInitializer]
    internal static void DisableConfigurationReload() =>
        Environment.SetEnvironmentVariable("DOTNET_hostBuilder__reloadConfigOnChange", "false");
}
