using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Relais.Data;
using Relais.Organizations;

namespace Relais.Web.Members;

/// <summary>
/// ASP.NET Core Identity's storage for members, over Relais's own Members table, so that the core
/// model needs no ASP.NET package. Accounts log in with their email as user name.
/// </summary>
internal sealed class MemberStore(RelaisDb db) :
    IUserPasswordStore<Member>,
    IUserSecurityStampStore<Member>,
    IUserLockoutStore<Member>,
    IUserEmailStore<Member>
{
    public async Task<IdentityResult> CreateAsync(Member user, CancellationToken ct)
    {
        db.Members.Add(user);
        try
        {
            await db.SaveChangesAsync(ct);
            return IdentityResult.Success;
        }
        catch (DbUpdateException)
        {
            db.Entry(user).State = EntityState.Detached;
            return IdentityResult.Failed(new IdentityErrorDescriber().DuplicateEmail(user.Email));
        }
    }

    public async Task<IdentityResult> UpdateAsync(Member user, CancellationToken ct)
    {
        user.ConcurrencyStamp = Guid.NewGuid().ToString("N");
        try
        {
            await db.SaveChangesAsync(ct);
            return IdentityResult.Success;
        }
        catch (DbUpdateConcurrencyException)
        {
            return IdentityResult.Failed(new IdentityErrorDescriber().ConcurrencyFailure());
        }
    }

    public async Task<IdentityResult> DeleteAsync(Member user, CancellationToken ct)
    {
        db.Members.Remove(user);
        await db.SaveChangesAsync(ct);
        return IdentityResult.Success;
    }

    public Task<Member?> FindByIdAsync(string userId, CancellationToken ct) =>
        Guid.TryParse(userId, out var id)
            ? db.Members.SingleOrDefaultAsync(m => m.Id == id, ct)
            : Task.FromResult<Member?>(null);

    public Task<Member?> FindByNameAsync(string normalizedUserName, CancellationToken ct) =>
        FindByEmailAsync(normalizedUserName, ct);

    public Task<Member?> FindByEmailAsync(string normalizedEmail, CancellationToken ct) =>
        db.Members.SingleOrDefaultAsync(m => m.NormalizedEmail == normalizedEmail, ct);

    public Task<string> GetUserIdAsync(Member user, CancellationToken ct) => Task.FromResult(user.Id.ToString());
    public Task<string?> GetUserNameAsync(Member user, CancellationToken ct) => Task.FromResult<string?>(user.Email);
    public Task<string?> GetNormalizedUserNameAsync(Member user, CancellationToken ct) => Task.FromResult<string?>(user.NormalizedEmail);

    public Task SetUserNameAsync(Member user, string? userName, CancellationToken ct)
    {
        user.Email = userName ?? user.Email;
        return Task.CompletedTask;
    }

    public Task SetNormalizedUserNameAsync(Member user, string? normalizedName, CancellationToken ct)
    {
        user.NormalizedEmail = normalizedName ?? user.NormalizedEmail;
        return Task.CompletedTask;
    }

    public Task<string?> GetEmailAsync(Member user, CancellationToken ct) => Task.FromResult<string?>(user.Email);
    public Task<string?> GetNormalizedEmailAsync(Member user, CancellationToken ct) => Task.FromResult<string?>(user.NormalizedEmail);

    public Task SetEmailAsync(Member user, string? email, CancellationToken ct)
    {
        user.Email = email ?? user.Email;
        return Task.CompletedTask;
    }

    public Task SetNormalizedEmailAsync(Member user, string? normalizedEmail, CancellationToken ct)
    {
        user.NormalizedEmail = normalizedEmail ?? user.NormalizedEmail;
        return Task.CompletedTask;
    }

    // Members are invited by an organizer, who vouches for the address.
    public Task<bool> GetEmailConfirmedAsync(Member user, CancellationToken ct) => Task.FromResult(true);
    public Task SetEmailConfirmedAsync(Member user, bool confirmed, CancellationToken ct) => Task.CompletedTask;

    public Task SetPasswordHashAsync(Member user, string? passwordHash, CancellationToken ct)
    {
        user.PasswordHash = passwordHash;
        return Task.CompletedTask;
    }

    public Task<string?> GetPasswordHashAsync(Member user, CancellationToken ct) => Task.FromResult(user.PasswordHash);
    public Task<bool> HasPasswordAsync(Member user, CancellationToken ct) => Task.FromResult(user.PasswordHash is not null);

    public Task SetSecurityStampAsync(Member user, string stamp, CancellationToken ct)
    {
        user.SecurityStamp = stamp;
        return Task.CompletedTask;
    }

    public Task<string?> GetSecurityStampAsync(Member user, CancellationToken ct) => Task.FromResult<string?>(user.SecurityStamp);

    public Task<DateTimeOffset?> GetLockoutEndDateAsync(Member user, CancellationToken ct) => Task.FromResult(user.LockoutEnd);

    public Task SetLockoutEndDateAsync(Member user, DateTimeOffset? lockoutEnd, CancellationToken ct)
    {
        user.LockoutEnd = lockoutEnd;
        return Task.CompletedTask;
    }

    public Task<int> IncrementAccessFailedCountAsync(Member user, CancellationToken ct) => Task.FromResult(++user.AccessFailedCount);

    public Task ResetAccessFailedCountAsync(Member user, CancellationToken ct)
    {
        user.AccessFailedCount = 0;
        return Task.CompletedTask;
    }

    public Task<int> GetAccessFailedCountAsync(Member user, CancellationToken ct) => Task.FromResult(user.AccessFailedCount);
    public Task<bool> GetLockoutEnabledAsync(Member user, CancellationToken ct) => Task.FromResult(user.LockoutEnabled);

    public Task SetLockoutEnabledAsync(Member user, bool enabled, CancellationToken ct)
    {
        user.LockoutEnabled = enabled;
        return Task.CompletedTask;
    }

    public void Dispose()
    {
    }
}
