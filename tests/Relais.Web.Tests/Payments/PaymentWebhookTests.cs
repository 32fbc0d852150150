using System.Net;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Relais.Activities;
using Relais.Giving;
using Relais.Payments;
using Relais.Receipts;
using Relais.Web.Tests.Contests;

namespace Relais.Web.Tests.Payments;

/// <summary>Signed, idempotent webhooks of the three providers, on the real databases.</summary>
public abstract class PaymentWebhookTests(RelaisHost host)
{
    [Fact]
    public async Task Stripe_CompletedSession_DonationSucceedsAndCountsOnceOnReplay()
    {
        host.SkipIfUnavailable();
        var kit = await PaymentTestKit.CreateAsync(host);
        var id = await kit.PendingAsync(PaymentProviders.Stripe, 2_500, "cs_live_1");
        var body = PaymentTestKit.StripeSession("evt_ok_" + id, "checkout.session.completed", id, "cs_live_1", 2_500);

        var first = await kit.StripeAsync(body);
        var replay = await kit.StripeAsync(body);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, replay.StatusCode);
        Assert.Equal("already handled", await replay.Content.ReadAsStringAsync());
        Assert.Equal(DonationStatus.Succeeded, (await kit.DonationAsync(id)).Status);
        var fundraiser = await kit.FundraiserAsync();
        Assert.Equal(2_500, fundraiser.RaisedMinor);
        Assert.Equal(1, fundraiser.DonationCount);
        Assert.Equal(1, await kit.EventCountAsync());
    }

    [Fact]
    public async Task Stripe_BurstOfEventsEachSentTwiceAtOnce_EveryDonationCountsOnce()
    {
        host.SkipIfUnavailable();
        var kit = await PaymentTestKit.CreateAsync(host);
        var contest = await host.ContestAsync(kit.OrganizationId, DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        await host.EnterAsync(contest, kit.OrganizationId, "Burst", kit.FundraiserId);
        // Two donors gave before the burst: one gives again in it, the other is refunded in it.
        var earlier = await kit.PendingAsync(PaymentProviders.Stripe, 700, "cs_burst_earlier", "burst0@example.org");
        var leaver = await kit.PendingAsync(PaymentProviders.Stripe, 900, "cs_burst_leaver", "leaver@example.org");
        Assert.Equal("ok", await (await kit.StripeAsync(PaymentTestKit.StripeSession("evt_burst_earlier", "checkout.session.completed", earlier, "cs_burst_earlier", 700))).Content.ReadAsStringAsync());
        Assert.Equal("ok", await (await kit.StripeAsync(PaymentTestKit.StripeSession("evt_burst_leaver", "checkout.session.completed", leaver, "cs_burst_leaver", 900))).Content.ReadAsStringAsync());
        var donations = new List<(Guid Id, string Body)>();
        for (var i = 0; i < 30; i++)
        {
            // Ten donors giving three times each.
            var id = await kit.PendingAsync(PaymentProviders.Stripe, 1_000 + i, $"cs_burst_{i}_{Guid.NewGuid():N}", $"burst{i % 10}@example.org");
            var reference = (await kit.DonationAsync(id)).ProviderReference!;
            donations.Add((id, PaymentTestKit.StripeSession($"evt_burst_{id:N}", "checkout.session.completed", id, reference, 1_000 + i)));
        }

        // Stripe retries while the first delivery is still in flight: both copies arrive together.
        var deliveries = donations.SelectMany(d => new[] { kit.StripeAsync(d.Body), kit.StripeAsync(d.Body) })
            .Append(kit.StripeAsync(PaymentTestKit.StripeRefund("evt_burst_refund", leaver, 900)));
        var responses = await Task.WhenAll(deliveries);

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        var answers = await Task.WhenAll(responses.Select(r => r.Content.ReadAsStringAsync()));
        Assert.Equal(31, answers.Count(a => a == "ok"));
        Assert.Equal(30, answers.Count(a => a == "already handled"));
        foreach (var (id, _) in donations)
        {
            Assert.Equal(DonationStatus.Succeeded, (await kit.DonationAsync(id)).Status);
        }
        Assert.Equal(DonationStatus.Refunded, (await kit.DonationAsync(leaver)).Status);
        var raised = 700 + Enumerable.Range(0, 30).Sum(i => 1_000L + i);
        var fundraiser = await kit.FundraiserAsync();
        Assert.Equal(31, fundraiser.DonationCount);
        Assert.Equal(raised, fundraiser.RaisedMinor);
        Assert.Equal(10, fundraiser.DonorCount);
        Assert.Equal([("Burst", raised, 10)], (await host.BoardAsync(contest.Slug)).Lines("byAmount"));
        Assert.Equal(33, await kit.EventCountAsync());
        var numbers = await host.Data.QueryAsync(db => db.DonationReceipts.Where(r => r.OrganizationId == kit.OrganizationId).Select(r => r.Number).ToListAsync());
        Assert.Equal(Enumerable.Range(1, 32), numbers.Order());
        var thanks = await host.Data.QueryAsync(db => db.OutboxMessages.CountAsync(m => m.OrganizationId == kit.OrganizationId && m.Kind == DonationReceiptMessage.Kind));
        Assert.Equal(32, thanks);
        var donated = await host.Data.QueryAsync(db => db.Activities.CountAsync(a => a.ActionId == kit.FundraiserId && a.Type == ActivityType.Donated));
        Assert.Equal(32, donated);
    }

    [Fact]
    public async Task Stripe_BadSignature_RefusedAndNothingWritten()
    {
        host.SkipIfUnavailable();
        var kit = await PaymentTestKit.CreateAsync(host);
        var id = await kit.PendingAsync(PaymentProviders.Stripe, 2_500, "cs_bad_1");

        var response = await kit.StripeAsync(PaymentTestKit.StripeSession("evt_bad", "checkout.session.completed", id, "cs_bad_1", 2_500), secret: "whsec_forged");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(DonationStatus.Pending, (await kit.DonationAsync(id)).Status);
        Assert.Equal(0, await kit.EventCountAsync());
    }

    [Fact]
    public async Task Stripe_TimestampTenMinutesOld_RefusedAndNothingWritten()
    {
        host.SkipIfUnavailable();
        var kit = await PaymentTestKit.CreateAsync(host);
        var id = await kit.PendingAsync(PaymentProviders.Stripe, 2_500, "cs_old_1");

        var response = await kit.StripeAsync(PaymentTestKit.StripeSession("evt_old", "checkout.session.completed", id, "cs_old_1", 2_500),
            signedAt: DateTimeOffset.UtcNow.AddMinutes(-10));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(DonationStatus.Pending, (await kit.DonationAsync(id)).Status);
        Assert.Equal(0, await kit.EventCountAsync());
    }

    [Fact]
    public async Task Stripe_AmountNotTheDonations_RecordedButNotCounted()
    {
        host.SkipIfUnavailable();
        var kit = await PaymentTestKit.CreateAsync(host);
        var id = await kit.PendingAsync(PaymentProviders.Stripe, 2_500, "cs_forged_1");

        var cheaper = await kit.StripeAsync(PaymentTestKit.StripeSession("evt_forged_1", "checkout.session.completed", id, "cs_forged_1", 100));
        var dollars = await kit.StripeAsync(PaymentTestKit.StripeSession("evt_forged_2", "checkout.session.completed", id, "cs_forged_1", 2_500, "usd"));

        Assert.Equal(HttpStatusCode.OK, cheaper.StatusCode);
        Assert.Contains("does not match", await dollars.Content.ReadAsStringAsync());
        Assert.Equal(DonationStatus.Pending, (await kit.DonationAsync(id)).Status);
        Assert.Equal(0, (await kit.FundraiserAsync()).RaisedMinor);
        Assert.Equal(2, await kit.EventCountAsync());
    }

    [Fact]
    public async Task Stripe_Refund_TotalsBack()
    {
        host.SkipIfUnavailable();
        var kit = await PaymentTestKit.CreateAsync(host);
        var id = await kit.PendingAsync(PaymentProviders.Stripe, 4_000, "cs_refund_1");
        await kit.StripeAsync(PaymentTestKit.StripeSession("evt_paid_r", "checkout.session.completed", id, "cs_refund_1", 4_000));
        Assert.Equal(4_000, (await kit.FundraiserAsync()).RaisedMinor);

        var refund = await kit.StripeAsync(PaymentTestKit.StripeRefund("evt_refund_r", id, 4_000));

        Assert.Equal(HttpStatusCode.OK, refund.StatusCode);
        Assert.Equal(DonationStatus.Refunded, (await kit.DonationAsync(id)).Status);
        var fundraiser = await kit.FundraiserAsync();
        Assert.Equal(0, fundraiser.RaisedMinor);
        Assert.Equal(0, fundraiser.DonationCount);
    }

    [Fact]
    public async Task Stripe_UnknownEventType_RecordedAndIgnored()
    {
        host.SkipIfUnavailable();
        var kit = await PaymentTestKit.CreateAsync(host);
        var id = await kit.PendingAsync(PaymentProviders.Stripe, 1_000, "cs_unknown_1");

        var response = await kit.StripeAsync(PaymentTestKit.StripeSession("evt_unknown", "customer.updated", id, "cs_unknown_1", 1_000));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("recorded, ignored", await response.Content.ReadAsStringAsync());
        Assert.Equal(DonationStatus.Pending, (await kit.DonationAsync(id)).Status);
        Assert.Equal(1, await kit.EventCountAsync());
    }

    [Fact]
    public async Task Stripe_EventForAnotherOrganizationsDonation_MovesNothing()
    {
        host.SkipIfUnavailable();
        var victim = await PaymentTestKit.CreateAsync(host);
        var attacker = await PaymentTestKit.CreateAsync(host);
        var id = await victim.PendingAsync(PaymentProviders.Stripe, 1_000, "cs_other_org");

        // Signed with the attacker organization's own secret, delivered to its own endpoint, naming the victim's donation.
        var response = await attacker.StripeAsync(PaymentTestKit.StripeSession("evt_cross_org", "checkout.session.completed", id, "cs_other_org", 1_000));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(DonationStatus.Pending, (await victim.DonationAsync(id)).Status);
        Assert.Equal(0, (await victim.FundraiserAsync()).RaisedMinor);
    }

    [Fact]
    public async Task HelloAsso_AuthorizedThenRefunded_CountedOnceThenBack()
    {
        host.SkipIfUnavailable();
        var kit = await PaymentTestKit.CreateAsync(host);
        var id = await kit.PendingAsync(PaymentProviders.HelloAsso, 1_500, "4567");

        var paid = await kit.HelloAssoAsync(PaymentTestKit.HelloAssoPayment(15222, "Authorized", id, 1_500));
        var replay = await kit.HelloAssoAsync(PaymentTestKit.HelloAssoPayment(15222, "Authorized", id, 1_500));
        Assert.Equal(HttpStatusCode.OK, paid.StatusCode);
        Assert.Equal("already handled", await replay.Content.ReadAsStringAsync());
        Assert.Equal(1_500, (await kit.FundraiserAsync()).RaisedMinor);

        await kit.HelloAssoAsync(PaymentTestKit.HelloAssoPayment(15222, "Refunded", id, 1_500));

        Assert.Equal(DonationStatus.Refunded, (await kit.DonationAsync(id)).Status);
        Assert.Equal(0, (await kit.FundraiserAsync()).RaisedMinor);
    }

    [Fact]
    public async Task HelloAsso_WrongUrlToken_RefusedAndNothingWritten()
    {
        host.SkipIfUnavailable();
        var kit = await PaymentTestKit.CreateAsync(host);
        var id = await kit.PendingAsync(PaymentProviders.HelloAsso, 1_500, "4568");

        var response = await kit.HelloAssoAsync(PaymentTestKit.HelloAssoPayment(15223, "Authorized", id, 1_500), token: "guessed");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(DonationStatus.Pending, (await kit.DonationAsync(id)).Status);
        Assert.Equal(0, await kit.EventCountAsync());
    }

    [Fact]
    public async Task HelloAsso_SignatureKeySet_UnsignedRefusedSignedCounted()
    {
        host.SkipIfUnavailable();
        var kit = await PaymentTestKit.CreateAsync(host, helloAssoSignatureKey: true);
        var id = await kit.PendingAsync(PaymentProviders.HelloAsso, 1_500, "4569");
        var body = PaymentTestKit.HelloAssoPayment(15224, "Authorized", id, 1_500);

        var unsigned = await kit.HelloAssoAsync(body);
        var forged = await kit.HelloAssoAsync(body, signatureKey: "another-key");
        Assert.Equal(DonationStatus.Pending, (await kit.DonationAsync(id)).Status);
        var signed = await kit.HelloAssoAsync(body, signatureKey: PaymentTestKit.HelloAssoSignatureKey);

        Assert.Equal(HttpStatusCode.Unauthorized, unsigned.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, forged.StatusCode);
        Assert.Equal(HttpStatusCode.OK, signed.StatusCode);
        Assert.Equal(DonationStatus.Succeeded, (await kit.DonationAsync(id)).Status);
    }

    [Fact]
    public async Task PayPal_CaptureCompletedThenRefunded_CountedOnceThenBack()
    {
        host.SkipIfUnavailable();
        var kit = await PaymentTestKit.CreateAsync(host);
        var id = await kit.PendingAsync(PaymentProviders.PayPal, 1_050, "ORDER-PP-1");

        var completed = await kit.PayPalAsync(PaymentTestKit.PayPalCapture("WH-1-" + id, "PAYMENT.CAPTURE.COMPLETED", id, "ORDER-PP-1", "10.50"));
        var replay = await kit.PayPalAsync(PaymentTestKit.PayPalCapture("WH-1-" + id, "PAYMENT.CAPTURE.COMPLETED", id, "ORDER-PP-1", "10.50"));
        Assert.Equal(HttpStatusCode.OK, completed.StatusCode);
        Assert.Equal("already handled", await replay.Content.ReadAsStringAsync());
        Assert.Equal(1_050, (await kit.FundraiserAsync()).RaisedMinor);

        await kit.PayPalAsync(PaymentTestKit.PayPalCapture("WH-2-" + id, "PAYMENT.CAPTURE.REFUNDED", id, "ORDER-PP-1", "10.50"));

        Assert.Equal(DonationStatus.Refunded, (await kit.DonationAsync(id)).Status);
        Assert.Equal(0, (await kit.FundraiserAsync()).RaisedMinor);
    }

    [Fact]
    public async Task PayPal_StaleForgedOrUntrusted_RefusedAndNothingWritten()
    {
        host.SkipIfUnavailable();
        var kit = await PaymentTestKit.CreateAsync(host);
        var id = await kit.PendingAsync(PaymentProviders.PayPal, 1_050, "ORDER-PP-2");
        var body = PaymentTestKit.PayPalCapture("WH-3-" + id, "PAYMENT.CAPTURE.COMPLETED", id, "ORDER-PP-2", "10.50");
        using var otherKey = RSA.Create(2048);

        var stale = await kit.PayPalAsync(body, sentAt: DateTimeOffset.UtcNow.AddMinutes(-30));
        var forged = await kit.PayPalAsync(body, key: otherKey);
        var plainHttp = await kit.PayPalAsync(body, certUrl: "http://api.sandbox.paypal.com/v1/notifications/certs/CERT-test");
        var elsewhere = await kit.PayPalAsync(body, certUrl: "https://certs.example.org/CERT-test");

        Assert.Equal(HttpStatusCode.BadRequest, stale.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, forged.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, plainHttp.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, elsewhere.StatusCode);
        Assert.Equal(DonationStatus.Pending, (await kit.DonationAsync(id)).Status);
        Assert.Equal(0, await kit.EventCountAsync());
    }

    [Fact]
    public async Task Webhook_OrganizationWithoutTheProvider_NotFound()
    {
        host.SkipIfUnavailable();
        var kit = await PaymentTestKit.CreateAsync(host);

        var response = await kit.StripeAsync("{}", organizationId: Guid.NewGuid());

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}

public sealed class PaymentWebhookOnSqlite(SqliteHost host) : PaymentWebhookTests(host), IClassFixture<SqliteHost>;

public sealed class PaymentWebhookOnPostgres(PostgresHost host) : PaymentWebhookTests(host), IClassFixture<PostgresHost>;
