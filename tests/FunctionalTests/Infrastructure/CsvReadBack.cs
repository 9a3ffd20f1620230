using System.Text;
using Microsoft.VisualBasic.FileIO;

namespace WapListing.FunctionalTests.Infrastructure;

/// <summary>
/// Reads an exported CSV back with .NET's own RFC 4180 reader (<see cref="TextFieldParser"/>), independent of the
/// CsvHelper the app writes with: quoted fields (with delimiters, quotes and line breaks inside) and cells kept
/// exactly as written, without trimming.
/// </summary>
public static class CsvReadBack
{
    public static (List<string> Header, List<string[]> Rows) Read(byte[] bytes, char delimiter)
    {
        using var reader = new StreamReader(new MemoryStream(bytes), Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        using var parser = new TextFieldParser(reader)
        {
            TextFieldType = FieldType.Delimited,
            HasFieldsEnclosedInQuotes = true,
            TrimWhiteSpace = false,
        };
        parser.SetDelimiters(delimiter.ToString());

        var records = new List<string[]>();
        while (!parser.EndOfData)
        {
            records.Add(parser.ReadFields() ?? []);
        }

        if (records.Count == 0)
        {
            throw new InvalidDataException("The CSV has no header line.");
        }

        return (records[0].ToList(), records.Skip(1).ToList());
    }
}
