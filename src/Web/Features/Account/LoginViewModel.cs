using System.ComponentModel.DataAnnotations;
using WapListing.Web.Validation;

namespace WapListing.Web.Features.Account;

public sealed class LoginViewModel
{
    [Required(ErrorMessage = "Validation.Required")]
    [StringLength(256)]
    [StorableText]
    [Display(Name = "Login.UserName")]
    public string UserName { get; set; } = string.Empty;

    [Required(ErrorMessage = "Validation.Required")]
    [StringLength(256)]
    [DataType(DataType.Password)]
    public string Password { get; set; } = string.Empty;

    public string? ReturnUrl { get; set; }
}
