namespace Portal.Tests.StateMachines;

/// <summary>Turns rows computed from a design table into xUnit theory data.</summary>
internal static class Theories
{
    public static TheoryData<T1, T2> Rows<T1, T2>(IEnumerable<(T1, T2)> rows)
    {
        var data = new TheoryData<T1, T2>();
        foreach (var (first, second) in rows)
        {
            data.Add(first, second);
        }

        return data;
    }

    public static TheoryData<T1, T2, T3> Rows<T1, T2, T3>(IEnumerable<(T1, T2, T3)> rows)
    {
        var data = new TheoryData<T1, T2, T3>();
        foreach (var (first, second, third) in rows)
        {
            data.Add(first, second, third);
        }

        return data;
    }
}
