using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Relais.Organizations;
using Relais.Supporters;

namespace Relais.Web.Members;

/// <summary>Creates member accounts, for the first start and for `relais create-admin`.</summary>
public sealed class MemberAccounts(UserManager<Member> users)
{
    public async Task<IdentityResult> CreateAsync(
        string email, Guid organizationId, MemberRole role, string password, string displayName = "")
    {
        var member = new Member
        {
            Email = email.Trim(),
            NormalizedEmail = EmailAddress.Normalize(email),
            OrganizationId = organizationId,
            Role = role,
            DisplayName = displayName,
        };
        return await users.CreateAsync(member, password);
    }

    /// <summary>A 20-character password from an unambiguous alphabet, about 115 bits.</summary>
    public static string GeneratePassword() =>
        RandomNumberGenerator.GetString("abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789", 20);
}
