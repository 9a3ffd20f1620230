using WapListing.Domain.Sending;

namespace WapListing.UnitTests.Sending;

/// <summary>A template body's positional parameters: how many, what the customer reads, which values WhatsApp takes.</summary>
public sealed class TemplateBodyTests
{
    [Theory]
    [InlineData("Dobrý den, děkujeme za zprávu.", 0)]
    [InlineData("Dobrý den {{1}}", 1)]
    [InlineData("{{1}}, vaše objednávka {{2}} dorazí {{3}}.", 3)]
    [InlineData("{{2}} před {{1}}, {{2}} znovu", 2)]
    [InlineData("Mezery uvnitř {{ 1 }} i {{2 }}", 2)]
    [InlineData("Dvouciferné {{10}}", 10)]
    [InlineData("Jméno {{first_name}}", 0)]
    [InlineData("Jen jedna závorka {1} a {{}}", 0)]
    public void The_parameter_count_is_the_highest_positional_number(string body, int expected) =>
        Assert.Equal(expected, TemplateBody.ParameterCount(body));

    [Theory]
    [InlineData("Dobrý den {{first_name}}", true)]
    [InlineData("Objednávka {{ order_id }} je na cestě", true)]
    [InlineData("{{_x1}}", true)]
    [InlineData("Dobrý den {{1}}", false)]
    [InlineData("Bez parametrů", false)]
    [InlineData("{{1a}}", false)]
    public void Named_parameters_are_told_apart_from_positional_ones(string body, bool expected) =>
        Assert.Equal(expected, TemplateBody.HasNamedParameters(body));

    [Fact]
    public void Rendering_puts_each_value_in_its_place_however_often_and_in_whatever_order_it_appears()
    {
        var rendered = TemplateBody.Render("{{2}}: dobrý den {{1}}, {{ 2 }} je na cestě.", ["Jano", "Objednávka 1234"]);

        Assert.Equal("Objednávka 1234: dobrý den Jano, Objednávka 1234 je na cestě.", rendered);
    }

    [Fact]
    public void A_value_that_looks_like_a_placeholder_is_not_filled_in_again() =>
        Assert.Equal("A {{2}} B x", TemplateBody.Render("A {{1}} B {{2}}", ["{{2}}", "x"]));

    [Theory]
    [InlineData("Ahoj {{1}} a {{2}}", new[] { "Jano" }, "Ahoj Jano a {{2}}")]
    [InlineData("Ahoj {{0}} a {{1}}", new[] { "Jano" }, "Ahoj {{0}} a Jano")]
    [InlineData("Beze změny", new string[0], "Beze změny")]
    public void A_placeholder_without_a_value_stays_as_it_is(string body, string[] values, string expected) =>
        Assert.Equal(expected, TemplateBody.Render(body, values));

    [Theory]
    [InlineData("Jana Nováková", true)]
    [InlineData("objednávka č. 1234 – 2 ks", true)]
    [InlineData("čtyři    mezery", true)]
    [InlineData("pět     mezer", false)]
    [InlineData("řádek\njiný", false)]
    [InlineData("řádek\r\njiný", false)]
    [InlineData("tabulátor\tzde", false)]
    [InlineData("", false)]
    [InlineData("   ", false)]
    [InlineData(null, false)]
    public void WhatsApp_takes_a_value_without_new_lines_tabs_or_five_spaces_in_a_row(string? value, bool acceptable) =>
        Assert.Equal(acceptable, TemplateBody.IsAcceptableParameter(value));

    [Fact]
    public void A_value_may_be_as_long_as_the_limit_and_no_longer()
    {
        Assert.True(TemplateBody.IsAcceptableParameter(new string('a', TemplateBody.MaxParameterLength)));
        Assert.False(TemplateBody.IsAcceptableParameter(new string('a', TemplateBody.MaxParameterLength + 1)));
    }
}
