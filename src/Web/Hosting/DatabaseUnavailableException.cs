namespace WapListing.Web.Hosting;

public sealed class DatabaseUnavailableException(Exception cause) : Exception("The database cannot be reached.", cause);
