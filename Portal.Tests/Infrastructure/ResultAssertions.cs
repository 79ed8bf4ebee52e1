using Portal.Domain.Common;
using Portal.Features;

namespace Portal.Tests.Infrastructure;

/// <summary>What tests read off a use case's result: its reasons grouped by field (field → codes; "" for the request).</summary>
public static class ResultAssertions
{
    public static IReadOnlyDictionary<string, string[]> ByField<T>(this UseCaseResult<T> result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return ByField(result.Reasons);
    }

    public static IReadOnlyDictionary<string, string[]> ByField(IEnumerable<Reason> reasons) =>
        reasons.GroupBy(r => r.Field ?? string.Empty, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(r => r.Code).Distinct().ToArray(), StringComparer.Ordinal);
}
