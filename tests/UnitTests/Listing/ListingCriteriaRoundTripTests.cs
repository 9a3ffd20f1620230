using System.Collections;
using System.Reflection;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using WapListing.Domain.Entities;
using WapListing.Web.Features.Listing.Criteria;
using WapListing.Web.Localization;

namespace WapListing.UnitTests.Listing;

/// <summary>Criteria → query string → criteria gives the same criteria: the URL holds the whole state of the listing (DESIGN §5).</summary>
public sealed class ListingCriteriaRoundTripTests
{
    private static readonly TimeZoneInfo Prague = TimeZoneInfo.FindSystemTimeZoneById("Europe/Prague");
    private static readonly DateOnly Today = new(2026, 3, 29);

    /// <summary>Every field set to something other than its default.</summary>
    private static ListingCriteria Full() => new()
    {
        Preset = TimePreset.Custom,
        From = new DateTimeOffset(2026, 3, 28, 23, 30, 0, TimeSpan.Zero),
        To = new DateTimeOffset(2026, 3, 29, 22, 0, 0, TimeSpan.Zero),
        Zone = Prague,
        Language = "cs",
        UserIds = [3, 7],
        UserGroupIds = [2],
        QueueIds = [5, 1],
        QueueGroupIds = [4],
        IncludeDeactivated = true,
        Contact = "Dvořák & syn",
        Sender = "+420601234567",
        Direction = InteractionDirection.Out,
        Answered = false,
        Missed = MissedState.ContactedBack,
        EndedBy = EndedBy.Timeout,
        ConnectorId = 9,
        WhatsAppContact = "Jana ?=&",
        WaitMin = 30,
        WaitMax = 3_600,
        DurationMin = 60,
        DurationMax = 7_200,
        HasContact = true,
        HasTicket = false,
        Name = "wap_0123456789abc",
        Transcript = "dobrý den",
        Selected = ["wap_a", "wap_b"],
        Sort = ListingColumn.WaitTime,
        Descending = false,
        Page = 3,
        PageSize = 100,
    };

    [Fact]
    public void Every_field_survives_the_round_trip()
    {
        var criteria = Full();
        var notices = new List<string>();

        var read = RoundTrip(criteria, notices);

        Assert.Empty(notices);
        AssertSame(criteria, read);
    }

    [Fact]
    public void The_full_criteria_leave_no_field_at_its_default()
    {
        var defaults = new ListingCriteria();
        var full = Full();
        var atDefault = Properties()
            .Where(p => p.Name != nameof(ListingCriteria.ExtendedConditionCount))
            .Where(p => p.Name != nameof(ListingCriteria.SenderConnectorIds)) // read from the database for the Sender, never in the URL
            .Where(p => Same(p.GetValue(defaults), p.GetValue(full)))
            .Select(p => p.Name)
            .ToList();

        Assert.Empty(atDefault);
    }

    public static TheoryData<TimePreset> Presets() => new(Enum.GetValues<TimePreset>().Where(p => p != TimePreset.Custom));

    [Theory]
    [MemberData(nameof(Presets))]
    public void Each_time_preset_survives_the_round_trip(TimePreset preset)
    {
        var (from, to) = TimePresets.Range(preset, Today, Prague);
        var criteria = new ListingCriteria { Preset = preset, From = from, To = to, Zone = Prague, Language = "en" };

        AssertSame(criteria, RoundTrip(criteria, []));
    }

    public static TheoryData<ListingColumn, bool> Sorts()
    {
        var data = new TheoryData<ListingColumn, bool>();
        foreach (var column in ListingColumns.Shown)
        {
            data.Add(column, true);
            data.Add(column, false);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Sorts))]
    public void Each_sort_column_in_each_direction_survives_the_round_trip(ListingColumn column, bool descending)
    {
        var criteria = Today_() with { Sort = column, Descending = descending };

        AssertSame(criteria, RoundTrip(criteria, []));
    }

    [Fact]
    public void Each_coded_value_survives_the_round_trip()
    {
        foreach (var missed in Enum.GetValues<MissedState>())
        {
            AssertSame(Today_() with { Missed = missed }, RoundTrip(Today_() with { Missed = missed }, []));
        }

        foreach (var endedBy in Enum.GetValues<EndedBy>())
        {
            AssertSame(Today_() with { EndedBy = endedBy }, RoundTrip(Today_() with { EndedBy = endedBy }, []));
        }

        foreach (var direction in Enum.GetValues<InteractionDirection>())
        {
            AssertSame(Today_() with { Direction = direction }, RoundTrip(Today_() with { Direction = direction }, []));
        }

        foreach (var yesNo in new[] { true, false })
        {
            var criteria = Today_() with { Answered = yesNo, HasContact = !yesNo, HasTicket = yesNo };
            AssertSame(criteria, RoundTrip(criteria, []));
        }
    }

    [Fact]
    public void The_default_view_has_an_empty_query_string()
    {
        Assert.Empty(ListingQueryString.Parameters(Today_()));
    }

    private static ListingCriteria Today_()
    {
        var (from, to) = TimePresets.Range(TimePreset.Today, Today, Prague);
        return new ListingCriteria { From = from, To = to, Zone = Prague, Language = "en" };
    }

    private static ListingCriteria RoundTrip(ListingCriteria criteria, List<string> notices)
    {
        var parameters = Bind(ListingQueryString.Parameters(criteria).ToList());
        var parser = new ListingCriteriaParser(Localizer());
        return parser.Parse(parameters, criteria.Zone, Today, criteria.Language, notices);
    }

    /// <summary>Binds query pairs to <see cref="ListingParameters"/> by the names its properties declare, as MVC does.</summary>
    private static ListingParameters Bind(IReadOnlyList<KeyValuePair<string, string?>> query)
    {
        var parameters = new ListingParameters();
        foreach (var property in typeof(ListingParameters).GetProperties().Where(p => p.CanWrite))
        {
            var name = property.GetCustomAttribute<FromQueryAttribute>()?.Name ?? throw new InvalidOperationException($"{property.Name} names no query parameter.");
            var values = query.Where(p => p.Key == name).Select(p => p.Value).ToArray();
            if (values.Length == 0)
            {
                continue;
            }

            property.SetValue(parameters, property.PropertyType == typeof(string) ? values[0] : values);
        }

        var unbound = query.Select(p => p.Key).Except(typeof(ListingParameters).GetProperties().Select(p => p.GetCustomAttribute<FromQueryAttribute>()?.Name)).ToList();
        Assert.Empty(unbound);
        return parameters;
    }

    private static IStringLocalizer<SharedResource> Localizer() =>
        new StringLocalizer<SharedResource>(new ResourceManagerStringLocalizerFactory(
            Options.Create(new LocalizationOptions { ResourcesPath = "Resources" }), NullLoggerFactory.Instance));

    private static IEnumerable<PropertyInfo> Properties() => typeof(ListingCriteria).GetProperties(BindingFlags.Public | BindingFlags.Instance);

    private static void AssertSame(ListingCriteria expected, ListingCriteria actual)
    {
        foreach (var property in Properties())
        {
            Assert.True(Same(property.GetValue(expected), property.GetValue(actual)), $"{property.Name}: {property.GetValue(expected)} became {property.GetValue(actual)}");
        }
    }

    private static bool Same(object? a, object? b) => (a, b) switch
    {
        (IEnumerable x, IEnumerable y) when a is not string => x.Cast<object>().SequenceEqual(y.Cast<object>()),
        _ => Equals(a, b),
    };
}
