using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Relais.Organizations;

namespace Relais.Web.Members;

/// <summary>Puts the member's organization and role into the login cookie.</summary>
internal sealed class MemberClaims(UserManager<Member> users, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<Member>(users, options)
{
    public const string OrganizationClaim = "relais:org";

    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(Member member)
    {
        var identity = await base.GenerateClaimsAsync(member);
        identity.AddClaim(new Claim(OrganizationClaim, member.OrganizationId.ToString()));
        identity.AddClaim(new Claim(ClaimTypes.Role, member.Role.ToString()));
        if (!string.IsNullOrEmpty(member.DisplayName))
        {
            identity.AddClaim(new Claim(ClaimTypes.GivenName, member.DisplayName));
        }
        return identity;
    }
}
