using Microsoft.Extensions.DependencyInjection.Extensions;
using Relais.Web.Messaging;

namespace Relais.Web.Delivery;

public static class DeliverySetup
{
    public static IServiceCollection AddDelivery(this IServiceCollection services)
    {
        services.AddOptions<DeliveryOptions>().BindConfiguration(DeliveryOptions.Section)
            .Configure<IConfiguration>((options, configuration) =>
            {
                // The SMTP limits live with the other SMTP settings.
                options.MaxConnections = configuration.GetValue("Relais:Smtp:MaxConnections", options.MaxConnections);
                options.MessagesPerSecond = configuration.GetValue("Relais:Smtp:MessagesPerSecond", options.MessagesPerSecond);
            })
            .ValidateDataAnnotations().ValidateOnStart();
        services.AddScoped<RecipientValues>();
        services.AddScoped<MessageSends>();
        services.AddScoped<SendQueue>();
        services.AddScoped<BulkEmails>();
        services.AddScoped<Unsubscriptions>();
        services.TryAddSingleton<IBulkMailTransport, SingleStepBulkTransport>();
        services.AddHostedService<BulkSender>();
        return services;
    }

    public static IEndpointRouteBuilder MapDelivery(this IEndpointRouteBuilder app)
    {
        app.MapUnsubscribe();
        app.MapSendProgress();
        return app;
    }
}
