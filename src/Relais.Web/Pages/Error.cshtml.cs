using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Relais.Web.Pages;

/// <summary>Every error status ends here, with a message in the visitor's language.</summary>
[IgnoreAntiforgeryToken]
[ResponseCache(Duration = 0, Location = ResponseCacheLocation.None, NoStore = true)]
public sealed class ErrorModel : PageModel
{
    public int Status { get; private set; }

    public void OnGet(int? status) => Read(status);

    public void OnPost(int? status) => Read(status);

    private void Read(int? status)
    {
        var failure = HttpContext.Features.Get<IExceptionHandlerFeature>();
        Status = status ?? (failure?.Error is BadHttpRequestException bad ? bad.StatusCode : Response.StatusCode);
        if (Status < 400)
        {
            Status = StatusCodes.Status500InternalServerError;
        }
        Response.StatusCode = Status;
    }
}
