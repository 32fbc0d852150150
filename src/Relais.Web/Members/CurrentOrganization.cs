using System.Security.Claims;

namespace Relais.Web.Members;

/// <summary>The organization of the signed-in member; every admin query is scoped to it.</summary>
public sealed class CurrentOrganization(IHttpContextAccessor http)
{
    public Guid Id => Guid.TryParse(User?.FindFirstValue(MemberClaims.OrganizationClaim), out var id)
        ? id
        : throw new InvalidOperationException("No signed-in member: the page must require the member policy.");

    public bool CanEdit => User?.IsInRole("Organizer") == true || User?.IsInRole("Owner") == true;

    private ClaimsPrincipal? User => http.HttpContext?.User;
}
