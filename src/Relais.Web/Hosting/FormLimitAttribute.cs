using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace Relais.Web.Hosting;

/// <summary>
/// Caps the size of a posted form and reads it before model binding, so that an oversized body
/// answers 413 and a malformed one 400 (model binding would otherwise swallow both and bind nothing).
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method)]
public sealed class FormLimitAttribute(long maxBytes) : Attribute, IAsyncResourceFilter
{
    public long MaxBytes { get; } = maxBytes;

    public async Task OnResourceExecutionAsync(ResourceExecutingContext context, ResourceExecutionDelegate next)
    {
        var request = context.HttpContext.Request;
        if (!request.HasFormContentType)
        {
            await next();
            return;
        }
        if (request.ContentLength > MaxBytes)
        {
            context.Result = new StatusCodeResult(StatusCodes.Status413PayloadTooLarge);
            return;
        }
        var sizeLimit = context.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>();
        if (sizeLimit is { IsReadOnly: false })
        {
            sizeLimit.MaxRequestBodySize = MaxBytes;
        }
        try
        {
            await request.ReadFormAsync(new FormOptions { MultipartBodyLengthLimit = MaxBytes, ValueCountLimit = 200 }, context.HttpContext.RequestAborted);
        }
        catch (BadHttpRequestException bad)
        {
            context.Result = new StatusCodeResult(bad.StatusCode);
            return;
        }
        catch (InvalidDataException)
        {
            context.Result = new StatusCodeResult(StatusCodes.Status400BadRequest);
            return;
        }
        await next();
    }
}
