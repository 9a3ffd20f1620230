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

    /// <summary>Every column of the listing, in the seed's words (its column overview), keyed by resource name.</summary>
    private static readonly Dictionary<string, string> SeedColumns = new()
    {
        ["Column.Time"] = "Čas",
        ["Column.Queue"] = "Fronta",
        ["Column.User"] = "Uživatel",
        ["Column.Contact"] = "Kontakt",
        ["Column.WhatsAppContact"] = "WhatsApp kontakt",
        ["Column.Answered"] = "Odpověděl",
        ["Column.WaitTime"] = "Délka čekání",
        ["Column.Duration"] = "Doba trvání",
        ["Column.EndedBy"] = "Ukončeno/Vypnutí",
        ["Column.Connector"] = "Konektor",
        ["Column.Missed"] = "Zmeškané",
        ["Column.MissedTime"] = "Čas zmeškání",
        ["Column.Action"] = "Akce",
    };

    /// <summary>The filter, button, tab and field words the seed's text names.</summary>
    private static readonly Dictionary<string, string> SeedWords = new()
    {
        ["Filter.Time"] = "Čas",
        ["Preset.Today"] = "Dnes",
        ["Filter.Contact"] = "Kontakt",
        ["Filter.Sender"] = "Odesílatel",
        ["Filter.Search"] = "Vyhledat",
        ["Filter.Extended"] = "Rozšířený filtr",
        ["Export.Title"] = "Export",
        ["Export.Button"] = "Export…",
        ["Detail.Activities"] = "Seznam aktivit",
        ["Detail.ActivityTab"] = "Aktivita",
        ["Detail.Transcript"] = "Přepis chatu",
        ["Detail.Processing"] = "Zpracování Wap",
        ["Detail.TalkTime"] = "Doba mluvení",
        ["Detail.FocusTime"] = "Čas zaměření",
        ["Detail.FocusInterruptions"] = "Přerušení zaměření",
        ["Detail.Anomaly"] = "Časová anomálie",
        ["Detail.Anonymize"] = "Anonymizovat",
        ["Filter.UniqueName"] = "Unikátní název",
        ["Nav.Listings"] = "Výpisy",
        ["Nav.Interactions"] = "Interakce",
    };

    [Fact]
    public void Every_column_has_the_czech_label_of_the_original_and_no_column_is_left_out()
    {
        var czech = Strings("Localization.SharedResource.cs.resx");
        var english = Strings("Localization.SharedResource.resx");

        Assert.Equal(SeedColumns.Keys.Order(), czech.Keys.Where(k => k.StartsWith("Column.", StringComparison.Ordinal)).Order());
        Assert.Equal(SeedColumns.Keys.Order(), english.Keys.Where(k => k.StartsWith("Column.", StringComparison.Ordinal)).Order());
        Assert.Equal(
            SeedColumns.OrderBy(c => c.Key, StringComparer.Ordinal).ToList(),
            SeedColumns.Keys.Order(StringComparer.Ordinal).Select(k => KeyValuePair.Create(k, czech[k])).ToList());
    }

    [Fact]
    public void The_filter_button_and_field_words_are_those_of_the_original()
    {
        var czech = Strings("Localization.SharedResource.cs.resx");

        Assert.Equal(
            SeedWords.OrderBy(w => w.Key, StringComparer.Ordinal).ToList(),
            SeedWords.Keys.Order(StringComparer.Ordinal).Select(k => KeyValuePair.Create(k, czech.GetValueOrDefault(k, "(missing)"))).ToList());
    }

    private static Dictionary<string, string> Strings(string file) =>
        XDocument.Load(Path.Combine(ResourcesFolder, file)).Root!.Elements("data")
            .ToDictionary(d => (string)d.Attribute("name")!, d => (string?)d.Element("value") ?? string.Empty);
}
