using Microsoft.EntityFrameworkCore;
using Relais.Data;
using Relais.Organizations;

namespace Relais.Segments;

/// <summary>
/// Checks that every petition, tag, group and channel a definition names belongs to the
/// organization. Another organization's id is an error, not an empty set: the organizer
/// must learn that their segment is wrong rather than mail nobody.
/// </summary>
public static class SegmentReferences
{
    public static async Task<IReadOnlyList<SegmentError>> CheckAsync(
        RelaisDb db, Guid organizationId, SegmentDefinition definition, CancellationToken ct)
    {
        var known = new HashSet<Guid>();
        known.UnionWith(await Known(db.Petitions.InOrganization(organizationId).Select(p => p.Id), ConditionKind.TookAction));
        known.UnionWith(await Known(db.Tags.InOrganization(organizationId).Select(t => t.Id), ConditionKind.Tag));
        known.UnionWith(await Known(db.LocalGroups.InOrganization(organizationId).Select(g => g.Id), ConditionKind.Group));
        known.UnionWith(await Known(db.Channels.InOrganization(organizationId).Select(c => c.Id), ConditionKind.Channel));
        var errors = new List<SegmentError>();
        for (var i = 0; i < definition.Conditions.Count; i++)
        {
            var condition = definition.Conditions[i];
            if (condition.Id is { } id && !known.Contains(id))
            {
                errors.Add(new SegmentError(i, condition.Kind switch
                {
                    ConditionKind.TookAction => SegmentErrorMessages.UnknownAction,
                    ConditionKind.Tag => SegmentErrorMessages.UnknownTag,
                    ConditionKind.Group => SegmentErrorMessages.UnknownGroup,
                    _ => SegmentErrorMessages.UnknownChannel,
                }));
            }
        }
        return errors;

        async Task<List<Guid>> Known(IQueryable<Guid> ids, ConditionKind kind)
        {
            var named = definition.Conditions.Where(c => c.Kind == kind && c.Id is not null).Select(c => c.Id!.Value).Distinct().ToList();
            return named.Count == 0 ? [] : await ids.Where(id => named.Contains(id)).ToListAsync(ct);
        }
    }
}
