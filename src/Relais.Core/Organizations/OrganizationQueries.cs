namespace Relais.Organizations;

/// <summary>Marks rows that belong to one organization, so every query can be scoped to it.</summary>
public interface IOrganizationOwned
{
    Guid OrganizationId { get; }
}

public static class OrganizationQueries
{
    public static IQueryable<T> InOrganization<T>(this IQueryable<T> rows, Guid organizationId)
        where T : class, IOrganizationOwned =>
        rows.Where(r => r.OrganizationId == organizationId);
}
