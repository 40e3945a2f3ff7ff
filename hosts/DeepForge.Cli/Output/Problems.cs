namespace DeepForge.Cli.Output;

/// <summary>Prints what is wrong, one problem a line, on standard error.</summary>
internal static class Problems
{
    public static void Print(IEnumerable<Problem> problems)
    {
        foreach (var problem in problems) Console.Error.WriteLine(Format(problem));
    }

    // Messages name their place already; compiler messages carry their own severity word.
    private static string Format(Problem problem)
    {
        var text = problem.Message.Contains(problem.Location, StringComparison.Ordinal) ? problem.Message : problem.ToString();
        return text.Contains(": error ", StringComparison.Ordinal) || text.Contains(": warning ", StringComparison.Ordinal) ? text : $"error: {text}";
    }
}
