using System.CommandLine;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Relais.Data;
using Relais.Organizations;
using Relais.Supporters;
using Relais.Web.Members;

namespace Relais.Cli;

internal static class CreateAdminCommand
{
    public static Command Create(DatabaseArguments database, TextWriter output)
    {
        var email = new Option<string>("--email") { Description = "The member's login", Required = true };
        var organization = new Option<string?>("--organization") { Description = "Slug of the organization (default: the first one)" };
        var role = new Option<MemberRole>("--role") { Description = "Owner (default), Organizer, GroupLeader or Viewer", DefaultValueFactory = _ => MemberRole.Owner };
        var password = new Option<string?>("--password") { Description = "At least 12 characters (default: a generated one, printed once)" };
        var command = new Command(
            "create-admin",
            "Create a member account, or reset the password of an existing one (it also lifts a lockout).")
        {
            email,
            organization,
            role,
            password,
        };
        command.SetAction(async (result, ct) =>
        {
            var address = result.GetValue(email)!.Trim();
            if (!EmailAddress.IsValid(address))
            {
                await output.WriteLineAsync($"'{address}' is not a valid email address.");
                return 1;
            }
            await using var app = Host.Build(database.Settings(result));
            await Host.MigrateAsync(app.Services, ct);
            await using var scope = app.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<RelaisDb>();
            var slug = result.GetValue(organization);
            var target = slug is null
                ? await db.Organizations.OrderBy(o => o.CreatedAt).FirstOrDefaultAsync(ct)
                : await db.Organizations.SingleOrDefaultAsync(o => o.Slug == slug, ct);
            if (target is null)
            {
                await output.WriteLineAsync(slug is null
                    ? "No organization exists yet: start Relais once (relais serve) or load the demo (relais demo)."
                    : $"No organization has the slug '{slug}'.");
                return 1;
            }
            var secret = result.GetValue(password) ?? MemberAccounts.GeneratePassword();
            var users = scope.ServiceProvider.GetRequiredService<UserManager<Member>>();
            var existing = await users.FindByEmailAsync(address);
            IdentityResult outcome;
            if (existing is null)
            {
                outcome = await scope.ServiceProvider.GetRequiredService<MemberAccounts>()
                    .CreateAsync(address, target.Id, result.GetValue(role), secret);
            }
            else
            {
                // Checked before anything changes: a refused password must not leave the account without one.
                outcome = await ValidatePasswordAsync(users, existing, secret);
                if (outcome.Succeeded)
                {
                    existing.PasswordHash = users.PasswordHasher.HashPassword(existing, secret);
                    existing.Role = result.GetValue(role);
                    existing.LockoutEnd = null;
                    existing.AccessFailedCount = 0;
                    outcome = await users.UpdateSecurityStampAsync(existing);
                }
            }
            if (!outcome.Succeeded)
            {
                await output.WriteLineAsync("Not done: " + string.Join(" ", outcome.Errors.Select(e => e.Description)));
                return 1;
            }
            await output.WriteLineAsync($"{(existing is null ? "Created" : "Reset")} {address} ({result.GetValue(role)}) in '{target.Name}'.");
            if (result.GetValue(password) is null)
            {
                await output.WriteLineAsync($"Password (shown once): {secret}");
            }
            return 0;
        });
        return command;
    }

    private static async Task<IdentityResult> ValidatePasswordAsync(UserManager<Member> users, Member member, string password)
    {
        foreach (var validator in users.PasswordValidators)
        {
            var result = await validator.ValidateAsync(users, member, password);
            if (!result.Succeeded)
            {
                return result;
            }
        }
        return IdentityResult.Success;
    }
}
