using System.Xml.Linq;
using WapListing.FunctionalTests.Infrastructure;

namespace WapListing.FunctionalTests.Platform;

/// <summary>Every visible string exists in English and Czech: each resource file has its Czech twin with the same keys.</summary>
public sealed class ResourceParityTests
{
    private static readonly string ResourcesFolder = Path.Combine(RepositoryPaths.Root, "src", "Web", "Resources");

    public static TheoryData<string> EnglishResources()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(ResourcesFolder, "*.resx").Where(f => !f.EndsWith(".cs.resx", StringComparison.Ordinal)).Order())
        {
            data.Add(Path.GetFileName(file));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(EnglishResources))]
    public void Each_english_string_has_a_czech_one_and_back(string englishFile)
    {
        var czechFile = englishFile[..^".resx".Length] + ".cs.resx";
        Assert.True(File.Exists(Path.Combine(ResourcesFolder, czechFile)), $"{czechFile} is missing");

        var english = Strings(englishFile);
        var czech = Strings(czechFile);
        Assert.Empty(english.Keys.Except(czech.Keys));
        Assert.Empty(czech.Keys.Except(english.Keys));
        Assert.Empty(czech.Where(pair => string.IsNullOrWhiteSpace(pair.Value)).Select(pair => pair.Key));
        Assert.Empty(english.Where(pair => string.IsNullOrWhiteSpace(pair.Value)).Select(pair => pair.Key));
    }

    [Fact]
    public void The_czech_column_labels_are_those_of_the_original()
    {
        var czech = Strings("Localization.SharedResource.cs.resx");
        Assert.Equal("Čas", czech["Column.Time"]);
        Assert.Equal("Fronta", czech["Column.Queue"]);
        Assert.Equal("Uživatel", czech["Column.User"]);
        Assert.Equal("Kontakt", czech["Column.Contact"]);
        Assert.Equal("WhatsApp kontakt", czech["Column.WhatsAppContact"]);
        Assert.Equal("Odpověděl", czech["Column.Answered"]);
        Assert.Equal("Délka čekání", czech["Column.WaitTime"]);
        Assert.Equal("Doba trvání", czech["Column.Duration"]);
        Assert.Equal("Konektor", czech["Column.Connector"]);
        Assert.Equal("Zmeškané", czech["Column.Missed"]);
        Assert.Equal("Čas zmeškání", czech["Column.MissedTime"]);
    }

    private static Dictionary<string, string> Strings(string file) =>
        XDocument.Load(Path.Combine(ResourcesFolder, file)).Root!.Elements("data")
            .ToDictionary(d => (string)d.Attribute("name")!, d => (string?)d.Element("value") ?? string.Empty);
}
