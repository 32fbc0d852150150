using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Relais.Messaging;
using Relais.Outbox;
using Relais.Web.Emails;
using Relais.Web.Jobs;

namespace Relais.Web.Hosting;

public static class MessagingSetup
{
    /// <summary>
    /// Everything email needs: the mail transports (SMTP, or a pickup folder when no host is set)
    /// for single and bulk emails, the outbox worker, the composer, its preview and test emails,
    /// and the bulk sender with its send queue.
    /// </summary>
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

        // The composer: /admin/messages/new is the editor without a message.
        services.Configure<RazorPagesOptions>(o => o.Conventions.AddPageRoute("/Admin/Messages/Edit", "/admin/messages/new"));
        services.AddScoped<MessagePreview>();
        services.AddScoped<IOutboxHandler, TestEmailHandler>();

        // Bulk sends.
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

    private static bool UsesSmtp(IServiceProvider services) =>
        !string.IsNullOrWhiteSpace(services.GetRequiredService<IOptions<SmtpOptions>>().Value.Host);
}
