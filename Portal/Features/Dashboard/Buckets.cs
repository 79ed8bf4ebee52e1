using System.Linq.Expressions;

namespace Portal.Features.Dashboard;

/// <summary>A group's count: its bucket (a week, an age band) and its key (a status, a state).</summary>
public sealed class BucketCount<TKey>
{
    public int Bucket { get; init; }

    public required TKey Key { get; init; }

    public int Count { get; init; }
}

/// <summary>A row's bucket and key, projected so that the database groups by them.</summary>
public sealed class BucketSlot<TKey>
{
    public int Bucket { get; init; }

    public required TKey Key { get; init; }
}

/// <summary>
/// Counting rows by time bucket in the database, on any provider: the bucket is a CASE over the buckets' boundaries
/// (instants computed in the business calendar here), so there is no date function to translate and the range
/// predicate stays on the indexed column. Bucket k (1..n) holds the instants from boundary k-1 on and before boundary k;
/// bucket 0 those before the first boundary.
/// </summary>
public static class Buckets
{
    /// <summary>
    /// Counts <paramref name="source"/> grouped by the bucket of <paramref name="instant"/> and by <paramref name="key"/>,
    /// in one query. With <paramref name="strictlyAfter"/> a boundary belongs to the bucket before it (an "until" instant
    /// at a day's end is still that day's).
    /// </summary>
    public static IQueryable<BucketCount<TKey>> CountBy<T, TKey>(
        IQueryable<T> source, Expression<Func<T, DateTime>> instant, IReadOnlyList<DateTime> boundaries, Expression<Func<T, TKey>> key, bool strictlyAfter = false)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(instant);
        ArgumentNullException.ThrowIfNull(boundaries);
        ArgumentNullException.ThrowIfNull(key);

        var row = instant.Parameters[0];
        Expression bucket = Expression.Constant(0);
        for (var i = 0; i < boundaries.Count; i++)
        {
            var boundary = Expression.Constant(boundaries[i], typeof(DateTime));
            var reached = strictlyAfter ? Expression.GreaterThan(instant.Body, boundary) : Expression.GreaterThanOrEqual(instant.Body, boundary);
            bucket = Expression.Condition(reached, Expression.Constant(i + 1), bucket);
        }

        var keyBody = new Rebind(key.Parameters[0], row).Visit(key.Body);
        var slot = Expression.MemberInit(
            Expression.New(typeof(BucketSlot<TKey>)),
            Expression.Bind(typeof(BucketSlot<TKey>).GetProperty(nameof(BucketSlot<TKey>.Bucket))!, bucket),
            Expression.Bind(typeof(BucketSlot<TKey>).GetProperty(nameof(BucketSlot<TKey>.Key))!, keyBody));
        return source
            .Select(Expression.Lambda<Func<T, BucketSlot<TKey>>>(slot, row))
            .GroupBy(s => new { s.Bucket, s.Key })
            .Select(g => new BucketCount<TKey> { Bucket = g.Key.Bucket, Key = g.Key.Key, Count = g.Count() });
    }

    private sealed class Rebind(ParameterExpression from, ParameterExpression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : base.VisitParameter(node);
    }
}
