using Microsoft.Extensions.Options;
using Relais.Outbox;

namespace Relais.Web.Messaging;

public static class MessagingSetup
{
    /// <summary>The mail transport (SMTP, or a pickup folder when no host is set) and the outbox worker.</summary>
    public static IServiceCollection AddMessaging(this IServiceCollection services)
    {
        services.AddOptions<SmtpOptions>().BindConfiguration(SmtpOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<PublicUrlOptions>().BindConfiguration("Relais").ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<OutboxOptions>().BindConfiguration(OutboxOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<SmtpMailTransport>();
        services.AddSingleton<PickupFolderMailTransport>();
        services.AddSingleton<IMailTransport>(sp => string.IsNullOrWhiteSpace(sp.GetRequiredService<IOptions<SmtpOptions>>().Value.Host)
            ? sp.GetRequiredService<PickupFolderMailTransport>()
            : sp.GetRequiredService<SmtpMailTransport>());
        services.AddScoped<SupporterEmails>();
        services.AddSingleton<RecipientLinks>();
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<OutboxOptions>>().Value.Retry);
        services.AddSingleton<OutboxProcessor>();
        services.AddHostedService<OutboxJob>();
        return services;
    }
}
