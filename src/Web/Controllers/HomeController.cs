using Microsoft.AspNetCore.Mvc;

namespace WapListing.Web.Controllers;

public sealed class HomeController : Controller
{
    [HttpGet("/")]
    public IActionResult Index() => LocalRedirect(AccountController.DefaultPage);
}
