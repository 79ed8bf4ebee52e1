using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;

namespace Portal.Features.Dashboard;

/// <summary>A group's count: its bucket (a week, an age band) and its key (a status, a state).</summary>
public sealed class BucketCount<TKey>
{
    public int Bucket { get; init; }

    public required TKey Key { get; init; }

    public int Count { get; init; }
}

/// <summary>
/// Counting rows by time bucket in the database, on any provider: each bucket is a range of the instant's column
/// (boundaries computed in the business calendar here), counted by key in a query of its own. So there is no date
/// function to translate, and each range is read from an index on (key, instant) in key order — no row is sorted or
/// grouped by a computed bucket (ADR 44). The buckets are not sent as one UNION ALL: EF Core applies the context's
/// query filter (the caller's scope) to the first part of such a union only. Bucket k (1..n) holds the instants from
/// boundary k-1 on and before boundary k; bucket 0, when asked for, those before the first boundary.
/// </summary>
public static class Buckets
{
    /// <summary>Runs each bucket's query (<see cref="Each"/>) in turn: the counts of every bucket.</summary>
    public static async Task<List<BucketCount<TKey>>> ReadAsync<TKey>(IEnumerable<IQueryable<BucketCount<TKey>>> buckets, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(buckets);
        var counts = new List<BucketCount<TKey>>();
        foreach (var bucket in buckets)
        {
            counts.AddRange(await bucket.ToListAsync(cancellationToken).ConfigureAwait(false));
        }

        return counts;
    }

    /// <summary>
    /// The query of each bucket of <paramref name="instant"/>, counting <paramref name="source"/> by <paramref name="key"/>:
    /// buckets 1..n, and bucket 0 (before the first boundary) first when <paramref name="withEarlier"/>. With
    /// <paramref name="strictlyAfter"/> a boundary belongs to the bucket before it (an "until" instant at a day's end is
    /// still that day's). The source should not bound the instant itself where the buckets do: of two lower bounds on
    /// the column SQLite may skip-scan the index instead of seeking it.
    /// </summary>
    public static IEnumerable<IQueryable<BucketCount<TKey>>> Each<T, TKey>(
        IQueryable<T> source, Expression<Func<T, DateTime>> instant, IReadOnlyList<DateTime> boundaries, Expression<Func<T, TKey>> key, bool strictlyAfter = false, bool withEarlier = false)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(instant);
        ArgumentNullException.ThrowIfNull(boundaries);
        ArgumentNullException.ThrowIfNull(key);

        for (var bucket = withEarlier ? 0 : 1; bucket <= boundaries.Count; bucket++)
        {
            var from = bucket > 0 ? boundaries[bucket - 1] : (DateTime?)null;
            var before = bucket < boundaries.Count ? boundaries[bucket] : (DateTime?)null;
            yield return RangeFirst(source, Within(instant, from, before, strictlyAfter)).GroupBy(key).Select(Counted<T, TKey>(bucket));
        }
    }

    // The bucket's range as the first condition on the rows: of several bounds on one column SQLite seeks the index by
    // the first, and the source's own bounds (a window, "ends after now") are wider than a bucket's. Only filters are
    // stepped over, so the rows counted are the same.
    private static IQueryable<T> RangeFirst<T>(IQueryable<T> source, Expression<Func<T, bool>> range) =>
        source.Provider.CreateQuery<T>(Below(source.Expression, range));

    private static MethodCallExpression Below<T>(Expression rows, Expression<Func<T, bool>> range) =>
        rows is MethodCallExpression call && IsFilterOf<T>(call)
            ? call.Update(call.Object, [Below(call.Arguments[0], range), .. call.Arguments.Skip(1)])
            : Expression.Call(typeof(Queryable), nameof(Queryable.Where), [typeof(T)], rows, Expression.Quote(range));

    // Queryable.Where(rows, row => …) or AsNoTracking(rows) on rows of T: steps that keep or drop rows, one by one.
    private static bool IsFilterOf<T>(MethodCallExpression call) =>
        call.Arguments.Count > 0 && call.Arguments[0].Type.IsAssignableTo(typeof(IQueryable<T>)) && call.Method switch
        {
            { Name: nameof(Queryable.Where) } where => where.DeclaringType == typeof(Queryable)
                && call.Arguments[1] is UnaryExpression { Operand: LambdaExpression { Parameters.Count: 1 } },
            { Name: nameof(EntityFrameworkQueryableExtensions.AsNoTracking) } asIs => asIs.DeclaringType == typeof(EntityFrameworkQueryableExtensions),
            _ => false,
        };

    // from ≤ instant < before (from < instant ≤ before when strictlyAfter); an absent bound is left out.
    private static Expression<Func<T, bool>> Within<T>(Expression<Func<T, DateTime>> instant, DateTime? from, DateTime? before, bool strictlyAfter)
    {
        Expression condition = Expression.Constant(true);
        if (from is { } lower)
        {
            var bound = Expression.Constant(lower, typeof(DateTime));
            condition = strictlyAfter ? Expression.GreaterThan(instant.Body, bound) : Expression.GreaterThanOrEqual(instant.Body, bound);
        }

        if (before is { } upper)
        {
            var bound = Expression.Constant(upper, typeof(DateTime));
            Expression below = strictlyAfter ? Expression.LessThanOrEqual(instant.Body, bound) : Expression.LessThan(instant.Body, bound);
            condition = from is null ? below : Expression.AndAlso(condition, below);
        }

        return Expression.Lambda<Func<T, bool>>(condition, instant.Parameters);
    }

    // The bucket's number is a constant of its query.
    private static Expression<Func<IGrouping<TKey, T>, BucketCount<TKey>>> Counted<T, TKey>(int bucket)
    {
        Expression<Func<IGrouping<TKey, T>, BucketCount<TKey>>> template = g => new BucketCount<TKey> { Bucket = -1, Key = g.Key, Count = g.Count() };
        return (Expression<Func<IGrouping<TKey, T>, BucketCount<TKey>>>)new BucketNumber(bucket).Visit(template);
    }

    private sealed class BucketNumber(int bucket) : ExpressionVisitor
    {
        protected override Expression VisitConstant(ConstantExpression node) =>
            node.Type == typeof(int) && node.Value is -1 ? Expression.Constant(bucket) : base.VisitConstant(node);
    }
}
