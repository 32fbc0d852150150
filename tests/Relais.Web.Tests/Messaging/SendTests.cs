using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Relais.Activities;
using Relais.Consents;
using Relais.Messaging;
using Relais.Privacy;
using Relais.Supporters;

namespace Relais.Web.Tests.Delivery;

public abstract class SendTests(DeliveryHost host)
{
    private async Task<(SeededOrganization Organization, HttpClient Organizer)> OrganizerAsync(string language = "en")
    {
        var organization = await host.Data.OrganizationAsync();
        var client = await host.Browser(language).LoginAsync(organization.OrganizerEmail);
        return (organization, client);
    }

    [Fact]
    public async Task Send_SegmentWithMailableAndNot_QueuesMailableAndSendsEachOnce()
    {
        host.SkipIfUnavailable();
        var (organization, organizer) = await OrganizerAsync();
        var campaign = await host.Data.CampaignAsync(organization.Id);
        var people = await host.Data.PeopleAsync([
            DeliveryArrange.Person(organization.Id),
            DeliveryArrange.Person(organization.Id, language: "fr"),
            DeliveryArrange.Person(organization.Id),
            DeliveryArrange.Person(organization.Id, mailable: false),
        ]);
        var message = await host.Data.MessageAsync(organization.Id, campaignId: campaign.Id);

        var response = await organizer.PostActionAsync(message.Id, "send");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/admin/messages/{message.Id}/progress", response.Headers.Location?.OriginalString);
        var queued = await host.Data.RecipientsAsync(message.Id);
        Assert.Equal(3, queued.Count);
        Assert.DoesNotContain(queued, r => r.SupporterId == people[3].Id);
        var sent = await host.Data.UntilAsync(message.Id, MessageStatus.Sent);
        Assert.Equal((3, 3, 0, 0, 0), (sent.RecipientCount, sent.SentCount, sent.FailedCount, sent.BouncedCount, sent.SkippedCount));
        Assert.All(await host.Data.RecipientsAsync(message.Id), r => Assert.Equal(RecipientStatus.Sent, r.Status));

        var links = host.Services.GetRequiredService<RecipientLinks>();
        foreach (var (person, row) in people.Take(3).Select(p => (p, queued.Single(r => r.SupporterId == p.Id))))
        {
            var email = Assert.Single(host.Transport.To(person.Email));
            Assert.Equal($"{row.Id}.{message.Id:N}@relais.example.org", email.MessageId);
            Assert.Contains(new KeyValuePair<string, string>("List-Unsubscribe", "<" + links.Unsubscribe(person.Id, message.Id) + ">"), email.Headers);
            Assert.Contains(new KeyValuePair<string, string>("List-Unsubscribe-Post", "List-Unsubscribe=One-Click"), email.Headers);
            Assert.Contains(new KeyValuePair<string, string>("Precedence", "bulk"), email.Headers);
            Assert.Contains("Hello First", email.Text);
            Assert.Contains("/c/" + campaign.Slug, email.Text);
            Assert.Contains(person.Language == "fr" ? "Se désabonner" : "Unsubscribe", email.Text);
            Assert.StartsWith(person.Language == "fr" ? "Nouvelles pour First" : "News for First", email.Subject);
        }

        var progress = await organizer.GetStringAsync($"/admin/messages/{message.Id}/progress.json");
        Assert.Contains("\"sent\":3", progress);
        var page = Html.Text(await organizer.GetStringAsync($"/admin/messages/{message.Id}/progress"));
        Assert.Contains("Sent", page);
    }

    [Fact]
    public async Task Send_Refused_400InUserLanguageAndNothingChanged()
    {
        host.SkipIfUnavailable();
        var (organization, organizer) = await OrganizerAsync("fr");
        await host.Data.PeopleAsync([DeliveryArrange.Person(organization.Id)]);
        var noSegment = await host.Data.MessageAsync(organization.Id, segmentDefinition: null);
        var unknownField = await host.Data.MessageAsync(organization.Id, body: "Bonjour {{ nickname }}");
        var noVersion = await host.Data.MessageAsync(organization.Id);
        await host.Data.QueryAsync(db => db.MessageVersions.Where(v => v.MessageId == noVersion.Id).ExecuteDeleteAsync());

        var segment = await organizer.PostActionAsync(noSegment.Id, "send");
        var field = await organizer.PostActionAsync(unknownField.Id, "send");
        var version = await organizer.PostActionAsync(noVersion.Id, "send");

        Assert.Equal(HttpStatusCode.BadRequest, segment.StatusCode);
        Assert.Contains("Choisissez un segment avant d'envoyer.", Html.Text(await segment.Content.ReadAsStringAsync()));
        Assert.Equal(HttpStatusCode.BadRequest, field.StatusCode);
        Assert.Contains("nickname", Html.Text(await field.Content.ReadAsStringAsync()));
        Assert.Equal(HttpStatusCode.BadRequest, version.StatusCode);
        Assert.Contains("Rédigez le message", Html.Text(await version.Content.ReadAsStringAsync()));
        foreach (var id in new[] { noSegment.Id, unknownField.Id, noVersion.Id })
        {
            Assert.Equal(MessageStatus.Draft, (await host.Data.ReadAsync(id)).Status);
            Assert.Empty(await host.Data.RecipientsAsync(id));
        }
    }

    [Fact]
    public async Task Send_Twice_SecondRefusedAndQueueWrittenOnce()
    {
        host.SkipIfUnavailable();
        var (organization, organizer) = await OrganizerAsync();
        await host.Data.PeopleAsync([DeliveryArrange.Person(organization.Id), DeliveryArrange.Person(organization.Id)]);
        var message = await host.Data.MessageAsync(organization.Id);

        var first = await organizer.PostActionAsync(message.Id, "send");
        var second = await organizer.PostActionAsync(message.Id, "send");

        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, second.StatusCode);
        Assert.Contains("already being sent", Html.Text(await second.Content.ReadAsStringAsync()));
        await host.Data.UntilAsync(message.Id, MessageStatus.Sent);
        Assert.Equal(2, (await host.Data.RecipientsAsync(message.Id)).Count);
    }

    [Fact]
    public async Task Send_Scheduled_StartsWhenDue()
    {
        host.SkipIfUnavailable();
        var (organization, organizer) = await OrganizerAsync();
        var person = (await host.Data.PeopleAsync([DeliveryArrange.Person(organization.Id)]))[0];
        var message = await host.Data.MessageAsync(organization.Id);
        var paris = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");
        var at = TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow.AddSeconds(3), paris);

        var response = await organizer.PostActionAsync(message.Id, "send", new() { ["scheduledAt"] = at.ToString("yyyy-MM-ddTHH:mm:ss") });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var scheduled = await host.Data.ReadAsync(message.Id);
        Assert.Equal(MessageStatus.Scheduled, scheduled.Status);
        Assert.Equal(at.UtcDateTime, scheduled.ScheduledAt!.Value.UtcDateTime, TimeSpan.FromSeconds(1));
        Assert.Empty(host.Transport.To(person.Email));
        var sent = await host.Data.UntilAsync(message.Id, MessageStatus.Sent);
        Assert.True(sent.StartedAt >= scheduled.ScheduledAt, "started before its time");
        Assert.Single(host.Transport.To(person.Email));
    }

    [Fact]
    public async Task PauseResume_MidSend_StopsThenFinishes()
    {
        host.SkipIfUnavailable();
        var (organization, organizer) = await OrganizerAsync();
        var people = await host.Data.PeopleAsync(Enumerable.Range(0, 20).Select(_ => DeliveryArrange.Person(organization.Id)));
        var addresses = people.Select(p => p.Email).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var begun = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        host.Transport.AfterBegin = async email =>
        {
            if (addresses.Contains(email.To))
            {
                begun.TrySetResult();
                await gate.Task;
            }
        };
        try
        {
            var message = await host.Data.MessageAsync(organization.Id);
            await organizer.PostActionAsync(message.Id, "send");
            await begun.Task.WaitAsync(TimeSpan.FromSeconds(20));

            var pause = await organizer.PostActionAsync(message.Id, "pause");
            gate.SetResult();

            Assert.Equal(HttpStatusCode.Redirect, pause.StatusCode);
            await Task.Delay(500);
            var paused = await host.Data.ReadAsync(message.Id);
            Assert.Equal(MessageStatus.Paused, paused.Status);
            // The copies begun before the pause were not yet recorded as handed over: none goes out.
            Assert.Equal(0, paused.SentCount);
            Assert.Equal(paused.SentCount, people.Count(p => host.Transport.To(p.Email).Count == 1));
            var progress = Html.Text(await organizer.GetStringAsync($"/admin/messages/{message.Id}/progress"));
            Assert.Contains("Resume", progress);

            var resume = await organizer.PostActionAsync(message.Id, "resume");

            Assert.Equal(HttpStatusCode.Redirect, resume.StatusCode);
            var sent = await host.Data.UntilAsync(message.Id, MessageStatus.Sent);
            Assert.Equal(20, sent.SentCount);
            Assert.All(people, p => Assert.Single(host.Transport.To(p.Email)));
        }
        finally
        {
            gate.TrySetResult();
            host.Transport.AfterBegin = null;
        }
    }

    [Fact]
    public async Task Cancel_MidSend_NobodyElseReceivesIt()
    {
        host.SkipIfUnavailable();
        var (organization, organizer) = await OrganizerAsync();
        var people = await host.Data.PeopleAsync(Enumerable.Range(0, 10).Select(_ => DeliveryArrange.Person(organization.Id)));
        var addresses = people.Select(p => p.Email).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var begun = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        host.Transport.AfterBegin = async email =>
        {
            if (addresses.Contains(email.To))
            {
                begun.TrySetResult();
                await gate.Task;
            }
        };
        try
        {
            var message = await host.Data.MessageAsync(organization.Id);
            await organizer.PostActionAsync(message.Id, "send");
            await begun.Task.WaitAsync(TimeSpan.FromSeconds(20));

            var cancel = await organizer.PostActionAsync(message.Id, "cancel");
            gate.SetResult();

            Assert.Equal(HttpStatusCode.Redirect, cancel.StatusCode);
            await Task.Delay(500);
            var cancelled = await host.Data.ReadAsync(message.Id);
            Assert.Equal(MessageStatus.Cancelled, cancelled.Status);
            Assert.Equal(0, cancelled.SentCount);
            Assert.All(await host.Data.RecipientsAsync(message.Id), r => Assert.Equal(RecipientStatus.Cancelled, r.Status));
            Assert.All(people, p => Assert.Empty(host.Transport.To(p.Email)));
            Assert.Equal(HttpStatusCode.BadRequest, (await organizer.PostActionAsync(message.Id, "resume")).StatusCode);
        }
        finally
        {
            gate.TrySetResult();
            host.Transport.AfterBegin = null;
        }
    }

    [Fact]
    public async Task Send_SuppressedCappedAndUnsubscribedMidSend_Skipped()
    {
        host.SkipIfUnavailable();
        var (organization, organizer) = await OrganizerAsync();
        var people = await host.Data.PeopleAsync([
            DeliveryArrange.Person(organization.Id),
            DeliveryArrange.Person(organization.Id),
            DeliveryArrange.Person(organization.Id),
            DeliveryArrange.Person(organization.Id),
        ]);
        var (kept, suppressed, capped, leaving) = (people[0], people[1], people[2], people[3]);
        var earlier = await host.Data.MessageAsync(organization.Id);
        await host.Data.QueryAsync(async db =>
        {
            db.SuppressedEmails.Add(new SuppressedEmail { OrganizationId = organization.Id, EmailHash = SuppressedEmail.Hash(suppressed.NormalizedEmail), Reason = "erasure" });
            db.EmailSettings.Add(new EmailSettings { OrganizationId = organization.Id, WeeklyCap = 1 });
            db.MessageRecipients.Add(new MessageRecipient { MessageId = earlier.Id, SupporterId = capped.Id, Status = RecipientStatus.Sent, SentAt = DateTimeOffset.UtcNow.AddDays(-2) });
            return await db.SaveChangesAsync();
        });
        var links = host.Services.GetRequiredService<RecipientLinks>();
        var message = await host.Data.MessageAsync(organization.Id);
        host.Transport.AfterBegin = async email =>
        {
            if (email.To == leaving.Email)
            {
                // The person clicks unsubscribe in an earlier email while this one is being handed over.
                var oneClick = await host.Browser().PostAsync(new Uri(links.Unsubscribe(leaving.Id, null)).AbsolutePath,
                    new FormUrlEncodedContent(new Dictionary<string, string> { ["List-Unsubscribe"] = "One-Click" }));
                Assert.Equal(HttpStatusCode.OK, oneClick.StatusCode);
            }
        };
        try
        {
            await organizer.PostActionAsync(message.Id, "send");

            var sent = await host.Data.UntilAsync(message.Id, MessageStatus.Sent);

            Assert.Equal((4, 1, 3), (sent.RecipientCount, sent.SentCount, sent.SkippedCount));
            var rows = (await host.Data.RecipientsAsync(message.Id)).ToDictionary(r => r.SupporterId);
            Assert.Equal(RecipientStatus.Sent, rows[kept.Id].Status);
            Assert.Equal((RecipientStatus.Skipped, "suppressed"), (rows[suppressed.Id].Status, rows[suppressed.Id].Error));
            Assert.Equal((RecipientStatus.Skipped, "capped"), (rows[capped.Id].Status, rows[capped.Id].Error));
            Assert.Equal(RecipientStatus.Skipped, rows[leaving.Id].Status);
            Assert.Single(host.Transport.To(kept.Email));
            Assert.Empty(host.Transport.To(suppressed.Email));
            Assert.Empty(host.Transport.To(capped.Email));
            Assert.Empty(host.Transport.To(leaving.Email));
        }
        finally
        {
            host.Transport.AfterBegin = null;
        }

        // An urgent message passes the cap, not the do-not-send list.
        var urgent = await host.Data.MessageAsync(organization.Id, overrideCap: true);
        await organizer.PostActionAsync(urgent.Id, "send");
        await host.Data.UntilAsync(urgent.Id, MessageStatus.Sent);
        Assert.Single(host.Transport.To(capped.Email));
        Assert.Empty(host.Transport.To(suppressed.Email));
    }

    [Fact]
    public async Task Send_ServerRefusals_TransientRetriedPermanentBounced()
    {
        host.SkipIfUnavailable();
        var (organization, organizer) = await OrganizerAsync();
        var people = await host.Data.PeopleAsync([
            DeliveryArrange.Person(organization.Id),
            DeliveryArrange.Person(organization.Id),
            DeliveryArrange.Person(organization.Id),
            DeliveryArrange.Person(organization.Id),
        ]);
        var (fine, greylisted, gone, rejected) = (people[0], people[1], people[2], people[3]);
        host.Transport.CompleteReplies[greylisted.Email] = new SmtpReply(451, "try later");
        host.Transport.CompleteReplies[gone.Email] = new SmtpReply(550, "no such user");
        host.Transport.BeginReplies[rejected.Email] = new SmtpReply(553, "mailbox name not allowed");
        var message = await host.Data.MessageAsync(organization.Id);

        await organizer.PostActionAsync(message.Id, "send");

        var deadline = DateTime.UtcNow.AddSeconds(20);
        Message current;
        do
        {
            await Task.Delay(100);
            current = await host.Data.ReadAsync(message.Id);
        }
        while (!(current.SentCount == 1 && current.BouncedCount == 2) && DateTime.UtcNow < deadline);
        var rows = (await host.Data.RecipientsAsync(message.Id)).ToDictionary(r => r.SupporterId);
        Assert.Equal(RecipientStatus.Sent, rows[fine.Id].Status);
        Assert.Equal((RecipientStatus.Queued, 1), (rows[greylisted.Id].Status, rows[greylisted.Id].Attempts));
        Assert.True(rows[greylisted.Id].NextAttemptAt > DateTimeOffset.UtcNow, "retried at once");
        Assert.StartsWith("451", rows[greylisted.Id].Error);
        Assert.Equal(RecipientStatus.Bounced, rows[gone.Id].Status);
        Assert.Equal(RecipientStatus.Bounced, rows[rejected.Id].Status);
        Assert.Equal((MessageStatus.Sending, 1, 2, 0), (current.Status, current.SentCount, current.BouncedCount, current.FailedCount));
        var reasons = await host.Data.QueryAsync(db => db.SuppressedEmails.Where(s => s.OrganizationId == organization.Id).Select(s => s.Reason).ToListAsync());
        Assert.Equal(["bounce", "bounce"], reasons);

        // The last attempt fails for good, and then the message is done.
        await host.Data.QueryAsync(db => db.MessageRecipients.Where(r => r.Id == rows[greylisted.Id].Id)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.Attempts, DeliveryRules.MaxAttempts - 1).SetProperty(r => r.NextAttemptAt, DateTimeOffset.UtcNow)));
        var done = await host.Data.UntilAsync(message.Id, MessageStatus.Sent);
        Assert.Equal((1, 2, 1), (done.SentCount, done.BouncedCount, done.FailedCount));
        Assert.Empty(host.Transport.To(greylisted.Email));
    }

    [Fact]
    public async Task OtherOrganization_CannotStartPauseOrSee()
    {
        host.SkipIfUnavailable();
        var (organization, organizer) = await OrganizerAsync();
        await host.Data.PeopleAsync([DeliveryArrange.Person(organization.Id)]);
        var message = await host.Data.MessageAsync(organization.Id);
        var (_, stranger) = await OrganizerAsync();

        Assert.Equal(HttpStatusCode.NotFound, (await stranger.PostActionAsync(message.Id, "send")).StatusCode);
        Assert.Equal(MessageStatus.Draft, (await host.Data.ReadAsync(message.Id)).Status);
        await organizer.PostActionAsync(message.Id, "send");
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.PostActionAsync(message.Id, "pause")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.PostActionAsync(message.Id, "cancel")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/admin/messages/{message.Id}/progress")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/admin/messages/{message.Id}/progress.json")).StatusCode);
        Assert.NotEqual(MessageStatus.Cancelled, (await host.Data.ReadAsync(message.Id)).Status);
    }

    [Fact]
    public async Task Viewer_CannotStart_Forbidden()
    {
        host.SkipIfUnavailable();
        var organization = await host.Data.OrganizationAsync();
        var viewer = await host.Browser().LoginAsync(organization.ViewerEmail);
        var message = await host.Data.MessageAsync(organization.Id);

        var response = await viewer.PostActionAsync(message.Id, "send");

        Assert.NotEqual($"/admin/messages/{message.Id}/progress", response.Headers.Location?.OriginalString);
        Assert.Equal(MessageStatus.Draft, (await host.Data.ReadAsync(message.Id)).Status);
    }

    [Fact]
    public async Task Unsubscribe_OneClickPost_WithdrawsOnceAndRegrantLifts()
    {
        host.SkipIfUnavailable();
        var organization = await host.Data.OrganizationAsync();
        var person = (await host.Data.PeopleAsync([DeliveryArrange.Person(organization.Id)]))[0];
        var message = await host.Data.MessageAsync(organization.Id);
        var path = new Uri(host.Services.GetRequiredService<RecipientLinks>().Unsubscribe(person.Id, message.Id)).AbsolutePath;
        var anonymous = host.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false });

        var look = await anonymous.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, look.StatusCode);
        Assert.Contains("<form method=\"post\"", await look.Content.ReadAsStringAsync());
        Assert.Equal(EmailConsentState.Granted, (await host.Data.QueryAsync(db => db.Supporters.SingleAsync(s => s.Id == person.Id))).EmailConsent);

        var oneClick = new FormUrlEncodedContent(new Dictionary<string, string> { ["List-Unsubscribe"] = "One-Click" });
        Assert.Equal(HttpStatusCode.OK, (await anonymous.PostAsync(path, oneClick)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.PostAsync(path, oneClick)).StatusCode);

        var state = await host.Data.QueryAsync(async db => new
        {
            Consent = (await db.Supporters.SingleAsync(s => s.Id == person.Id)).EmailConsent,
            Ledger = await db.Consents.CountAsync(c => c.SupporterId == person.Id && c.Purpose == ConsentPurposes.EmailUpdates && !c.Granted),
            Activities = await db.Activities.CountAsync(a => a.SupporterId == person.Id && a.Type == ActivityType.Unsubscribed),
            Suppressed = await db.SuppressedEmails.Where(s => s.OrganizationId == organization.Id).Select(s => s.Reason).ToListAsync(),
            Count = (await db.Messages.SingleAsync(m => m.Id == message.Id)).UnsubscribedCount,
        });
        Assert.Equal(EmailConsentState.Withdrawn, state.Consent);
        Assert.Equal((1, 1, 1), (state.Ledger, state.Activities, state.Count));
        Assert.Equal(["unsubscribe"], state.Suppressed);

        // Choosing emails again on the preferences page lifts the unsubscribe.
        var browser = host.Browser();
        var preferences = await browser.GetAsync(path + "/preferences");
        Assert.Equal(HttpStatusCode.Redirect, preferences.StatusCode);
        var page = preferences.Headers.Location!.OriginalString;
        Assert.StartsWith("/preferences/", page);
        var saved = await browser.SubmitAsync(page, new Dictionary<string, string> { ["EmailUpdates"] = "true" });
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        Assert.Empty(await host.Data.QueryAsync(db => db.SuppressedEmails.Where(s => s.OrganizationId == organization.Id).ToListAsync()));
        Assert.Equal(EmailConsentState.Granted, (await host.Data.QueryAsync(db => db.Supporters.SingleAsync(s => s.Id == person.Id))).EmailConsent);
    }

    [Fact]
    public async Task Unsubscribe_ForgedToken_NotFoundAndNothingChanged()
    {
        host.SkipIfUnavailable();
        var organization = await host.Data.OrganizationAsync();
        var person = (await host.Data.PeopleAsync([DeliveryArrange.Person(organization.Id)]))[0];
        var path = new Uri(host.Services.GetRequiredService<RecipientLinks>().Unsubscribe(person.Id, null)).AbsolutePath;
        var forged = path[..^3] + (path[^3..] == "AAA" ? "BBB" : "AAA");

        var response = await host.Browser().PostAsync(forged, new FormUrlEncodedContent(new Dictionary<string, string> { ["List-Unsubscribe"] = "One-Click" }));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(EmailConsentState.Granted, (await host.Data.QueryAsync(db => db.Supporters.SingleAsync(s => s.Id == person.Id))).EmailConsent);
    }
}

public sealed class SendOnSqlite(DeliverySqliteHost host) : SendTests(host), IClassFixture<DeliverySqliteHost>;

public sealed class SendOnPostgres(DeliveryPostgresHost host) : SendTests(host), IClassFixture<DeliveryPostgresHost>;
