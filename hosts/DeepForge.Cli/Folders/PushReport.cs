using DeepForge.Cli.Output;

namespace DeepForge.Cli.Folders;

/// <summary>How push and watch tell what a push did: the refusal's problems on stderr, else what changed.</summary>
internal static class PushReport
{
    /// <summary>Everything, for <c>deepforge push</c>: a headline, one line per change, warnings.</summary>
    public static void PrintFull(PushOutcome outcome)
    {
        if (outcome.Refused)
        {
            Problems.Print(outcome.Refusals);
            Console.Error.WriteLine($"Nothing stored: project {outcome.Project} stays at version {outcome.Version}.");
            return;
        }
        if (!outcome.Stored)
        {
            Console.WriteLine($"No changes: project {outcome.Project} is at version {outcome.Version}.");
            return;
        }
        Console.WriteLine($"Pushed {outcome.Project}: version {outcome.Version}");
        foreach (var change in outcome.Changes) Console.WriteLine($"  {change}");
        foreach (var warning in outcome.Warnings) Console.Error.WriteLine($"warning: {warning}");
    }

    /// <summary>One line, for <c>deepforge watch</c> (the refusal's problems follow it, one a line).</summary>
    public static void PrintLine(PushOutcome outcome)
    {
        var time = DateTime.Now.ToString("HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture);
        if (outcome.Refused)
        {
            Console.Error.WriteLine($"{time} not pushed: {outcome.Refusals.Count} problem(s), project {outcome.Project} stays at version {outcome.Version}");
            Problems.Print(outcome.Refusals);
        }
        else if (outcome.Stored)
            Console.WriteLine($"{time} pushed {outcome.Project} version {outcome.Version}: {string.Join(", ", outcome.Changes)}{(outcome.Warnings.Count > 0 ? $" ({outcome.Warnings.Count} warning(s): {outcome.Warnings[0]})" : "")}");
    }
}
