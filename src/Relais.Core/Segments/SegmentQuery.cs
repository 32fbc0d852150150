using System.Linq.Expressions;
using Relais.Activities;
using Relais.Consents;
using Relais.Data;
using Relais.Groups;
using Relais.Supporters;

namespace Relais.Segments;

/// <summary>
/// Turns a definition into one set-based query over the organization's supporters: scalar
/// conditions on Supporter columns, the others as <c>Id IN (SELECT SupporterId …)</c> subqueries
/// (NOT EXISTS when negated), combined with AND or OR. Erased supporters
/// never belong to a segment. The definition's ids must have passed <see cref="SegmentReferences"/>.
/// </summary>
public static class SegmentQuery
{
    public static IQueryable<Supporter> Supporters(RelaisDb db, Guid organizationId, SegmentDefinition definition, DateTimeOffset now)
    {
        var supporters = db.Supporters.Where(s => s.OrganizationId == organizationId && s.ErasedAt == null);
        var parameter = Expression.Parameter(typeof(Supporter), "s");
        Expression? body = null;
        foreach (var condition in definition.Conditions)
        {
            Expression<Func<Supporter, bool>> predicate;
            if (SupporterIds(db, organizationId, condition) is { } ids)
            {
                // NOT IN over a large list degrades badly on PostgreSQL once its hash no longer fits
                // in work_mem; NOT EXISTS becomes an anti-join on both engines.
                predicate = condition.Negate ? s => !ids.Any(id => id == s.Id) : s => ids.Contains(s.Id);
            }
            else
            {
                predicate = Scalar(condition, now);
                if (condition.Negate)
                {
                    predicate = Expression.Lambda<Func<Supporter, bool>>(Expression.Not(predicate.Body), predicate.Parameters);
                }
            }
            var part = new Rebind(predicate.Parameters[0], parameter).Visit(predicate.Body);
            body = body is null ? part
                : definition.Match == SegmentMatch.Any ? Expression.OrElse(body, part)
                : Expression.AndAlso(body, part);
        }
        return body is null ? supporters : supporters.Where(Expression.Lambda<Func<Supporter, bool>>(body, parameter));
    }

    /// <summary>
    /// The supporters a condition over another table selects, or null for a condition on Supporter's
    /// own columns. Conditions naming a petition, tag, group or channel filter on that id alone:
    /// <see cref="SegmentReferences"/> has checked it belongs to the organization, the outer query
    /// keeps only the organization's supporters, and the index on that id then answers without
    /// reading the table (an extra OrganizationId test would cost one table read per row).
    /// </summary>
    private static IQueryable<Guid>? SupporterIds(RelaisDb db, Guid organizationId, SegmentCondition condition)
    {
        switch (condition.Kind)
        {
            case ConditionKind.TookAction:
                {
                    // Taking a petition is signing it: the partial index UX_Activities_Signed_Once covers this.
                    var actionId = condition.Id;
                    return Period(db.Activities.Where(a => a.ActionId == actionId && a.Type == ActivityType.Signed), condition)
                        .Select(a => a.SupporterId);
                }
            case ConditionKind.TookActivityType:
                {
                    var type = condition.ActivityType!.Value;
                    return Period(db.Activities.Where(a => a.OrganizationId == organizationId && a.Type == type), condition)
                        .Select(a => a.SupporterId);
                }
            case ConditionKind.Tag:
                {
                    var tagId = condition.Id!.Value;
                    return db.SupporterTags.Where(t => t.TagId == tagId).Select(t => t.SupporterId);
                }
            case ConditionKind.Group:
                {
                    var groupId = condition.Id!.Value;
                    var members = db.GroupMemberships.Where(m => m.GroupId == groupId);
                    return (condition.LeadersOnly ? members.Where(m => m.Role == GroupRole.Leader) : members).Select(m => m.SupporterId);
                }
            case ConditionKind.Channel:
                {
                    var channelId = condition.Id!.Value;
                    return db.ChannelMemberships.Where(m => m.ChannelId == channelId).Select(m => m.SupporterId);
                }
            default:
                return null;
        }
    }

    private static Expression<Func<Supporter, bool>> Scalar(SegmentCondition condition, DateTimeOffset now)
    {
        switch (condition.Kind)
        {
            case ConditionKind.LadderRank:
                {
                    var rank = condition.Rank!.Value;
                    return condition.Comparison switch
                    {
                        RankComparison.AtLeast => s => s.LadderRank >= rank,
                        RankComparison.AtMost => s => s.LadderRank <= rank,
                        _ => s => s.LadderRank == rank,
                    };
                }
            case ConditionKind.Country:
                {
                    var countries = condition.Countries.ToList();
                    if (countries.Count == 1)
                    {
                        // An equality the index can search on; PostgreSQL tests "= ANY (array)" row by row.
                        var country = countries[0];
                        return s => s.Country == country;
                    }
                    return s => s.Country != null && countries.Contains(s.Country);
                }
            case ConditionKind.PostalCodePrefix:
                {
                    var prefix = condition.PostalCodePrefix!;
                    return s => s.PostalCode != null && s.PostalCode.StartsWith(prefix);
                }
            case ConditionKind.Language:
                {
                    var language = condition.Language!;
                    return s => s.Language == language;
                }
            case ConditionKind.EmailConsent:
                return s => s.EmailConsent == EmailConsentState.Granted;
            case ConditionKind.ActiveWithin:
                {
                    var since = now.ToUniversalTime().AddDays(-condition.Days!.Value);
                    return s => s.LastActiveAt >= since;
                }
            case ConditionKind.ActiveBefore:
                {
                    var before = StartOf(condition.Before!.Value);
                    return s => s.LastActiveAt < before;
                }
            default:
                throw new ArgumentOutOfRangeException(nameof(condition), condition.Kind, "Unknown kind of condition.");
        }
    }

    private static IQueryable<Activity> Period(IQueryable<Activity> activities, SegmentCondition condition)
    {
        if (condition.From is { } from)
        {
            var start = StartOf(from);
            activities = activities.Where(a => a.OccurredAt >= start);
        }
        if (condition.To is { } to)
        {
            var end = StartOf(to.AddDays(1));
            activities = activities.Where(a => a.OccurredAt < end);
        }
        return activities;
    }

    // Days are UTC days; stored times are UTC, which SQLite compares as ticks.
    private static DateTimeOffset StartOf(DateOnly day) => new(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);

    private sealed class Rebind(ParameterExpression from, ParameterExpression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : base.VisitParameter(node);
    }
}
