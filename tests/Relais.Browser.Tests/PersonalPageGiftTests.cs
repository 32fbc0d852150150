using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Relais.Data;
using Relais.Giving;
using static Microsoft.Playwright.Assertions;

namespace Relais.Browser.Tests;

/// <summary>
/// A supporter opens a personal fundraising page; a friend gives through it in a real browser; once
/// the gift is received, the page's thermometer shows it (the gift is credited to the page).
/// </summary>
public sealed class PersonalPageGiftTests(RelaisServer server, Chromium chromium) : IClassFixture<RelaisServer>
{
    [Fact]
    public async Task Give_ThroughAFriendsPersonalPage_ThePagesThermometerMoves()
    {
        const string slug = RelaisServer.CriticalExposure;
        await ArrangeBankTransferAsync();
        await using var context = await chromium.NewContextAsync("en-GB");
        var owner = await context.NewPageAsync();

        // The supporter opens their own page under the campaign's fundraiser.
        await Browse.OpenAsync(owner, server.Url($"/c/{slug}/fundraise"));
        await owner.GetByLabel("First name", new() { Exact = true }).FillAsync("Maija");
        await owner.GetByLabel("Email", new() { Exact = true }).FillAsync($"maija-{Guid.NewGuid():N}@example.org");
        await owner.GetByLabel("Title of your page").FillAsync("Maija runs for the archive " + Guid.NewGuid().ToString("N")[..6]);
        await owner.GetByLabel(new Regex("^Your goal")).FillAsync("200");
        await owner.GetByRole(AriaRole.Button, new() { Name = "Open my page" }).ClickAsync();
        await Expect(owner).ToHaveURLAsync(new Regex("/p/[a-z0-9-]+$"));
        var pageUrl = owner.Url;
        var raised = owner.Locator("[data-page-total]");
        await Expect(raised).ToHaveAttributeAsync("data-page-total", "0");

        // A friend follows the page's donate button and promises a bank transfer.
        await using var friendContext = await chromium.NewContextAsync("en-GB");
        var friend = await friendContext.NewPageAsync();
        await Browse.OpenAsync(friend, pageUrl);
        await Browse.FollowAsync(friend, friend.GetByRole(AriaRole.Link, new() { Name = "Donate" }));
        await friend.GetByLabel(new Regex("^Another amount")).FillAsync("25");
        await friend.GetByLabel("First name", new() { Exact = true }).FillAsync("Ilze");
        await friend.GetByLabel("Last name", new() { Exact = true }).FillAsync("Berzina");
        var email = $"ilze-{Guid.NewGuid():N}@example.org";
        await friend.GetByLabel("Email", new() { Exact = true }).FillAsync(email);
        await friend.GetByLabel("Bank transfer").CheckAsync();
        await friend.GetByRole(AriaRole.Button, new() { Name = "Give", Exact = true }).ClickAsync();
        await Expect(friend).ToHaveURLAsync(new Regex("/promise\\?t="));

        // The transfer arrives; the organizer marks it received.
        await MarkReceivedAsync(email);

        await Browse.OpenAsync(friend, pageUrl);
        await Expect(friend.Locator("[data-page-total]")).ToHaveAttributeAsync("data-page-total", "2500");
        await Expect(friend.GetByRole(AriaRole.Heading, new() { NameRegex = new Regex(@"^€25(\.00)? raised$") })).ToBeVisibleAsync();
    }

    private async Task ArrangeBankTransferAsync()
    {
        await using var scope = server.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RelaisDb>();
        var organizationId = await db.Organizations.Select(o => o.Id).FirstAsync();
        if (!await db.OfflinePaymentSettings.AnyAsync(s => s.OrganizationId == organizationId))
        {
            db.OfflinePaymentSettings.Add(new OfflinePaymentSettings
            {
                OrganizationId = organizationId,
                TransferEnabled = true,
                Iban = "FR7630006000011234567890189",
                AccountHolder = "Critical Exposure",
            });
            await db.SaveChangesAsync();
        }
    }

    private async Task MarkReceivedAsync(string donorEmail)
    {
        await using var scope = server.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RelaisDb>();
        var ledger = scope.ServiceProvider.GetRequiredService<DonationLedger>();
        var donation = await db.Donations.SingleAsync(d => db.Supporters.Any(s => s.Id == d.SupporterId && s.Email == donorEmail));
        await using var transaction = await db.Database.BeginTransactionAsync();
        Assert.NotNull(await ledger.MoveAsync(db, donation, DonationStatus.Succeeded, DateTimeOffset.UtcNow, CancellationToken.None));
        await transaction.CommitAsync();
    }
}
