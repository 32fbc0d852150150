using Microsoft.Extensions.Options;
using Relais.Imports;
using Relais.Web.Members;

namespace Relais.Web.Imports;

public static class ImportsSetup
{
    public static IServiceCollection AddImports(this IServiceCollection services)
    {
        services.AddOptions<ImportOptions>().BindConfiguration(ImportOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<ImportRunner>();
        services.AddSingleton<ImportSignal>();
        services.AddHostedService<ImportJob>();
        return services;
    }

    public static IEndpointRouteBuilder MapImports(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/admin/imports/{id:guid}").RequireAuthorization(Policies.Organizer);
        group.MapGet("/progress", ImportProgress.GetAsync);
        group.MapGet("/rejections.csv", RejectionsExport.ExportAsync);
        return app;
    }
}
