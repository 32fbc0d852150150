using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Relais.Web.Messages;

public static class MessagesSetup
{
    public static IServiceCollection AddMessages(this IServiceCollection services)
    {
        services.Configure<RazorPagesOptions>(o => o.Conventions.AddPageRoute("/Admin/Messages/Edit", "/admin/messages/new"));
        return services;
    }

    public static IEndpointRouteBuilder MapMessages(this IEndpointRouteBuilder app) => app;
}
