namespace DeepForge.Cli.Output;

/// <summary>Prints what is wrong, one problem a line, on standard error.</summary>
internal static class Problems
{
    public static void Print(IEnumerable<Problem> problems)
    {
        foreach (var problem in problems) Console.Error.WriteLine($"error: {problem}");
    }
}
