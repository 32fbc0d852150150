using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.Extensions.Options;

namespace Relais.Web.Imports;

/// <summary>
/// Raises the body limit to the configured upload size for the upload page only, before
/// antiforgery reads the form (hence an authorization filter ordered before it); a larger body is
/// answered 413 without being read.
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class ImportUploadLimitAttribute : Attribute, IAuthorizationFilter, IOrderedFilter
{
    // Multipart boundaries and the other fields around the file.
    private const long FormOverhead = 64 * 1024;

    public int Order => 900;

    public void OnAuthorization(AuthorizationFilterContext context)
    {
        var http = context.HttpContext;
        if (!HttpMethods.IsPost(http.Request.Method))
        {
            return;
        }
        var max = http.RequestServices.GetRequiredService<IOptions<ImportOptions>>().Value.MaxUploadBytes + FormOverhead;
        if (http.Request.ContentLength > max)
        {
            context.Result = new StatusCodeResult(StatusCodes.Status413PayloadTooLarge);
            return;
        }
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
        {
            size.MaxRequestBodySize = max;
        }
        if (http.Request.HasFormContentType)
        {
            http.Features.Set<IFormFeature>(new FormFeature(http.Request, new FormOptions { MultipartBodyLengthLimit = max, ValueCountLimit = 50 }));
        }
    }
}
