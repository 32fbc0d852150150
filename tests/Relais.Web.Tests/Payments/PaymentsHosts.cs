using Relais.Data;

namespace Relais.Web.Tests.Payments;

/// <summary>A host whose payment providers all point at a fake API on 127.0.0.1.</summary>
public interface IPaymentsHost
{
    FakeProviderApi Fake { get; }
}

public sealed class PaymentsSqliteHost : RelaisHost, IPaymentsHost
{
    public PaymentsSqliteHost()
        : base(DatabaseProvider.Sqlite) => Fake = PaymentsHostSetup.Configure(Set);

    public FakeProviderApi Fake { get; }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await Fake.DisposeAsync();
    }
}

public sealed class PaymentsPostgresHost : RelaisHost, IPaymentsHost
{
    public PaymentsPostgresHost()
        : base(DatabaseProvider.Postgres) => Fake = PaymentsHostSetup.Configure(Set);

    public FakeProviderApi Fake { get; }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await Fake.DisposeAsync();
    }
}

internal static class PaymentsHostSetup
{
    public static FakeProviderApi Configure(Action<string, string?> set)
    {
        var fake = FakeProviderApi.Start();
        foreach (var key in new[] { "StripeBaseUrl", "HelloAssoBaseUrl", "HelloAssoSandboxBaseUrl", "PayPalBaseUrl", "PayPalSandboxBaseUrl" })
        {
            set("Relais:Payments:" + key, fake.Url);
        }
        return fake;
    }
}
