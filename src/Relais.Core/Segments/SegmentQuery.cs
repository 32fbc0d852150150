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
/// scoped to the organization (NOT IN when negated), combined with AND or OR. Erased supporters
/// never belong to a segment. The definition's ids must have passed <see cref="SegmentReferences"/>.
/// </summary>
public static class SegmentQuery
{
    /// <summary>What "took the action" means: doing it, not opening an email about it or sharing it.</summary>
    public static IReadOnlyList<ActivityType> TakingTypes { get; } =
        [ActivityType.Signed, ActivityType.Donated, ActivityType.Pledged, ActivityType.Rsvped, ActivityType.Attended, ActivityType.Hosted, ActivityType.Submitted];

    public static IQueryable<Supporter> Supporters(RelaisDb db, Guid organizationId, SegmentDefinition definition, DateTimeOffset now)
    {
        var supporters = db.Supporters.Where(s => s.OrganizationId == organizationId && s.ErasedAt == null);
        var parameter = Expression.Parameter(typeof(Supporter), "s");
        Expression? body = null;
        foreach (var condition in definition.Conditions)
        {
            var predicate = Predicate(db, organizationId, condition, now);
            Expression part = new Rebind(predicate.Parameters[0], parameter).Visit(predicate.Body);
            if (condition.Negate)
            {
                part = Expression.Not(part);
            }
            body = body is null ? part
                : definition.Match == SegmentMatch.Any ? Expression.OrElse(body, part)
                : Expression.AndAlso(body, part);
        }
        return body is null ? supporters : supporters.Where(Expression.Lambda<Func<Supporter, bool>>(body, parameter));
    }

    private static Expression<Func<Supporter, bool>> Predicate(RelaisDb db, Guid organizationId, SegmentCondition condition, DateTimeOffset now)
    {
        switch (condition.Kind)
        {
            case ConditionKind.TookAction:
                {
                    var actionId = condition.Id;
                    var taken = Period(db.Activities.Where(a => a.OrganizationId == organizationId && a.ActionId == actionId && TakingTypes.Contains(a.Type)), condition)
                        .Select(a => a.SupporterId);
                    return s => taken.Contains(s.Id);
                }
            case ConditionKind.TookActivityType:
                {
                    var type = condition.ActivityType!.Value;
                    var done = Period(db.Activities.Where(a => a.OrganizationId == organizationId && a.Type == type), condition)
                        .Select(a => a.SupporterId);
                    return s => done.Contains(s.Id);
                }
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
            case ConditionKind.Tag:
                {
                    var tagId = condition.Id!.Value;
                    var tagged = db.SupporterTags.Where(t => t.OrganizationId == organizationId && t.TagId == tagId).Select(t => t.SupporterId);
                    return s => tagged.Contains(s.Id);
                }
            case ConditionKind.Group:
                {
                    var groupId = condition.Id!.Value;
                    var members = db.GroupMemberships.Where(m => m.OrganizationId == organizationId && m.GroupId == groupId);
                    if (condition.LeadersOnly)
                    {
                        members = members.Where(m => m.Role == GroupRole.Leader);
                    }
                    var ids = members.Select(m => m.SupporterId);
                    return s => ids.Contains(s.Id);
                }
            case ConditionKind.Channel:
                {
                    var channelId = condition.Id!.Value;
                    var members = db.ChannelMemberships.Where(m => m.OrganizationId == organizationId && m.ChannelId == channelId).Select(m => m.SupporterId);
                    return s => members.Contains(s.Id);
                }
            case ConditionKind.Country:
                {
                    var countries = condition.Countries.ToList();
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
