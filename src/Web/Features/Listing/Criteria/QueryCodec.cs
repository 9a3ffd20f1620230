namespace WapListing.Web.Features.Listing.Criteria;

/// <summary>How the values of one query-string parameter are written (one code per value) and read back (case-insensitively).</summary>
public sealed class QueryCodec<T>
    where T : struct
{
    private readonly Dictionary<T, string> _codes;
    private readonly Dictionary<string, T> _values;

    public QueryCodec(IEnumerable<(T Value, string Code)> codes)
    {
        var pairs = codes.ToArray();
        _codes = pairs.ToDictionary(p => p.Value, p => p.Code);
        _values = pairs.ToDictionary(p => p.Code, p => p.Value, StringComparer.OrdinalIgnoreCase);
    }

    public IEnumerable<T> Values => _codes.Keys;

    public string Code(T value) => _codes[value];

    public string? Code(T? value) => value is { } v ? _codes[v] : null;

    public bool TryRead(string? code, out T value)
    {
        value = default;
        return code is not null && _values.TryGetValue(code.Trim(), out value);
    }
}
