using System.Security.Cryptography;

namespace WapListing.Domain.Entities;

/// <summary>The app's names for interactions and activities it creates: the kind's prefix and random hex digits.</summary>
public static class EntityNames
{
    /// <summary>A new unique name such as <c>activities_3f9a0c1b2d4e5</c>.</summary>
    public static string New(string prefix) => prefix + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(7))[..13];
}
