using WapListing.Infrastructure.Search;

namespace WapListing.Infrastructure.Seeding;

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

    /// <summary>The name as an e-mail's local part: folded, ASCII letters only, words joined by dots.</summary>
    private static string Ascii(string name)
    {
        var letters = TextSearch.FoldInMemory(name).Where(c => char.IsAsciiLetter(c) || c == ' ').ToArray();
        return new string(letters).Replace(' ', '.');
    }
}
