using WapListing.Domain.Entities;

namespace WapListing.Infrastructure.Seeding;

/// <summary>A WhatsApp customer of the demo data, paired with a CRM contact or not.</summary>
internal sealed class DemoCustomer
{
    public required string Number { get; init; }
    public required string ProfileName { get; init; }
    public string? CrmName { get; init; }
    public string? Email { get; init; }
    public bool IsEnglish { get; init; }
    public bool IsHostile { get; init; }
    public Contact? Contact { get; set; }
}

internal static class DemoCustomers
{
    private const int Seed = 20261126;
    private const int Count = 320;

    /// <summary>The same customers on every run; the first ones carry the hostile profile names.</summary>
    public static List<DemoCustomer> Create()
    {
        var random = new Random(Seed);
        var customers = new List<DemoCustomer>(Count);
        var numbers = new HashSet<string>();
        for (var i = 0; i < Count; i++)
        {
            var english = i % 4 == 3;
            string number;
            do
            {
                number = english
                    ? $"+447{random.Next(100_000_000, 999_999_999)}"
                    : $"+420{random.Next(6, 8)}{random.Next(10_000_000, 99_999_999)}";
            }
            while (!numbers.Add(number));

            var isHostile = i < DemoTexts.Hostile.Length;
            var name = DemoTexts.CustomerNames[random.Next(DemoTexts.CustomerNames.Length)];
            var paired = !isHostile && random.Next(10) < 4;
            customers.Add(new DemoCustomer
            {
                Number = number,
                ProfileName = isHostile ? DemoTexts.Hostile[i] : random.Next(5) == 0 ? name.Split(' ')[0] : name,
                CrmName = paired ? name : null,
                Email = paired ? $"{Ascii(name)}.{i}@example.com" : null,
                IsEnglish = english,
                IsHostile = isHostile,
            });
        }

        return customers;
    }

    private static string Ascii(string name)
    {
        var decomposed = name.Normalize(System.Text.NormalizationForm.FormD);
        var letters = decomposed.Where(c => char.IsAsciiLetter(c) || c == ' ').ToArray();
        return new string(letters).Replace(' ', '.').ToLowerInvariant();
    }
}

/// <summary>What the interaction generator needs of the reference data.</summary>
internal sealed record DemoReferenceData(
    IReadOnlyList<Queue> Queues,
    IReadOnlyList<Connector> Connectors,
    IReadOnlyList<UserGroup> Teams,
    IReadOnlyList<User> Reviewers,
    IReadOnlyList<DemoCustomer> Customers,
    User DemoAgent);
