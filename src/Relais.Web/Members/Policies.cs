using Microsoft.AspNetCore.Authorization;
using Relais.Organizations;

namespace Relais.Web.Members;

/// <summary>Who may do what, named where routes are declared.</summary>
public static class Policies
{
    /// <summary>Any member of an organization: may read its campaigns and supporters.</summary>
    public const string Member = "member";

    /// <summary>Organizers and owners: may create, edit and publish.</summary>
    public const string Organizer = "organizer";

    public static AuthorizationBuilder AddRelaisPolicies(this AuthorizationBuilder builder) => builder
        .AddPolicy(Member, p => p.RequireAuthenticatedUser().RequireClaim(MemberClaims.OrganizationClaim))
        .AddPolicy(Organizer, p => p.RequireAuthenticatedUser()
            .RequireClaim(MemberClaims.OrganizationClaim)
            .RequireRole(nameof(MemberRole.Organizer), nameof(MemberRole.Owner)));
}
