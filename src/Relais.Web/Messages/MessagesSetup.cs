using Microsoft.AspNetCore.Mvc.RazorPages;
using Relais.Outbox;

namespace Relais.Web.Messages;

public static class MessagesSetup
{
    public static IServiceCollection AddMessages(this IServiceCollection services)
    {
        services.Configure<RazorPagesOptions>(o => o.Conventions.AddPageRoute("/Admin/Messages/Edit", "/admin/messages/new"));
        services.AddScoped<MessagePreview>();
        services.AddScoped<IOutboxHandler, TestEmailHandler>();
        return services;
    }

    public static IEndpointRouteBuilder MapMessages(this IEndpointRouteBuilder app)
    {
        app.MapPreviewHtml();
        app.MapSegmentSize();
        return app;
    }
}
