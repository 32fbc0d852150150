using Microsoft.Extensions.Options;
using Relais.Outbox;

namespace Relais.Web.Messaging;

public static class MessagingSetup
{
    /// <summary>The mail transports (SMTP, or a pickup folder when no host is set) for single and bulk emails, and the outbox worker.</summary>
    public static IServiceCollection AddMessaging(this IServiceCollection services)
    {
        services.AddOptions<SmtpOptions>().BindConfiguration(SmtpOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<PublicUrlOptions>().BindConfiguration("Relais").ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<OutboxOptions>().BindConfiguration(OutboxOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<MailComposer>();
        services.AddSingleton<PickupFolder>();
        services.AddSingleton<SmtpMailTransport>();
        services.AddSingleton<PickupFolderMailTransport>();
        services.AddSingleton<IMailTransport>(sp => UsesSmtp(sp)
            ? sp.GetRequiredService<SmtpMailTransport>()
            : sp.GetRequiredService<PickupFolderMailTransport>());
        services.AddSingleton<SmtpBulkTransport>();
        services.AddSingleton<PickupFolderBulkTransport>();
        services.AddSingleton<IBulkMailTransport>(sp => UsesSmtp(sp)
            ? sp.GetRequiredService<SmtpBulkTransport>()
            : sp.GetRequiredService<PickupFolderBulkTransport>());
        services.AddScoped<SupporterEmails>();
        services.AddSingleton<RecipientLinks>();
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<OutboxOptions>>().Value.Retry);
        services.AddSingleton<OutboxProcessor>();
        services.AddHostedService<OutboxJob>();
        return services;
    }

    private static bool UsesSmtp(IServiceProvider services) =>
        !string.IsNullOrWhiteSpace(services.GetRequiredService<IOptions<SmtpOptions>>().Value.Host);
}
