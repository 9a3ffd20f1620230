using Microsoft.AspNetCore.Mvc;

namespace WapListing.Web.Controllers;

public sealed class HomeController : Controller
{
    [HttpGet("/")]
    public IActionResult Index() => LocalRedirect(Url.Action(nameof(ListingController.Wap), "Listing")!);
}
