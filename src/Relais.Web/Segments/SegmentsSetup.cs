using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Relais.Web.Segments;

public static class SegmentsSetup
{
    public static IServiceCollection AddSegments(this IServiceCollection services)
    {
        services.Configure<RazorPagesOptions>(o => o.Conventions.AddPageRoute("/Admin/Segments/Edit", "/admin/segments/new"));
        return services;
    }

    public static IEndpointRouteBuilder MapSegments(this IEndpointRouteBuilder app)
    {
        app.MapSegmentCount();
        app.MapSegmentExport();
        return app;
    }
}
