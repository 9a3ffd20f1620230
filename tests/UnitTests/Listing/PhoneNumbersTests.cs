using WapListing.Web.Features.Listing;

namespace WapListing.UnitTests.Listing;

/// <summary>What people type as a phone number becomes E.164, or nothing when it cannot be one.</summary>
public sealed class PhoneNumbersTests
{
    [Theory]
    [InlineData("+420601234567", "+420601234567")]
    [InlineData("+420 601 234 567", "+420601234567")]
    [InlineData("  +420 601 234 567  ", "+420601234567")]
    [InlineData("+44 20 7123 4567", "+442071234567")]
    public void A_number_with_a_leading_plus_keeps_its_country_code_and_loses_the_spaces(string typed, string expected) =>
        Assert.Equal(expected, PhoneNumbers.ToE164(typed));

    [Theory]
    [InlineData("601-234-567", "+420601234567")]
    [InlineData("+420-601-234-567", "+420601234567")]
    [InlineData("(601) 234 567", "+420601234567")]
    [InlineData("+44 (20) 7123-4567", "+442071234567")]
    [InlineData("601.234.567", "+420601234567")]
    [InlineData("601/234 567", "+420601234567")]
    public void Dashes_parentheses_dots_and_slashes_between_digits_are_ignored(string typed, string expected) =>
        Assert.Equal(expected, PhoneNumbers.ToE164(typed));

    [Theory]
    [InlineData("00420601234567", "+420601234567")]
    [InlineData("00 420 601 234 567", "+420601234567")]
    [InlineData("0044 20 7123 4567", "+442071234567")]
    public void The_00_international_prefix_becomes_a_plus(string typed, string expected) =>
        Assert.Equal(expected, PhoneNumbers.ToE164(typed));

    [Theory]
    [InlineData("601234567", "+420601234567")]
    [InlineData("601 234 567", "+420601234567")]
    [InlineData("800123456", "+420800123456")]
    public void A_national_nine_digit_number_gets_the_Czech_country_code(string typed, string expected) =>
        Assert.Equal(expected, PhoneNumbers.ToE164(typed));

    [Theory]
    [InlineData("420601234567", "+420601234567")]
    [InlineData("442071234567", "+442071234567")]
    [InlineData("1234567890", "+1234567890")]
    [InlineData("123456789012345", "+123456789012345")]
    public void Ten_to_fifteen_digits_without_a_prefix_are_taken_as_already_carrying_a_country_code(string typed, string expected) =>
        Assert.Equal(expected, PhoneNumbers.ToE164(typed));

    [Theory]
    [InlineData("+12345678", "+12345678")]
    [InlineData("+123456789012345", "+123456789012345")]
    [InlineData("0012345678", "+12345678")]
    [InlineData("00123456789012345", "+123456789012345")]
    public void International_numbers_of_eight_to_fifteen_digits_are_accepted(string typed, string expected) =>
        Assert.Equal(expected, PhoneNumbers.ToE164(typed));

    [Theory]
    [InlineData("+1234567")]
    [InlineData("001234567")]
    [InlineData("12345678")]
    [InlineData("60123456")]
    [InlineData("1")]
    [InlineData("+")]
    [InlineData("00")]
    public void Too_few_digits_give_no_number(string typed) =>
        Assert.Null(PhoneNumbers.ToE164(typed));

    [Theory]
    [InlineData("+1234567890123456")]
    [InlineData("001234567890123456")]
    [InlineData("1234567890123456")]
    public void More_than_fifteen_digits_give_no_number(string typed) =>
        Assert.Null(PhoneNumbers.ToE164(typed));

    [Theory]
    [InlineData("601 234 ABC")]
    [InlineData("+420 601 234 567 ext")]
    [InlineData("tel:601234567")]
    [InlineData("601_234_567")]
    [InlineData("601234567#")]
    [InlineData("６０１２３４５６７")]
    public void Letters_and_other_characters_give_no_number(string typed) =>
        Assert.Null(PhoneNumbers.ToE164(typed));

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("- ( ) /")]
    public void Text_without_digits_gives_no_number(string typed) =>
        Assert.Null(PhoneNumbers.ToE164(typed));
}
