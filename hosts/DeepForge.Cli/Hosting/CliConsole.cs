using Spectre.Console;

namespace DeepForge.Cli.Hosting;

/// <summary>Console settings: when output goes to a file or pipe, tables are laid out wide so ids are never wrapped.</summary>
internal static class CliConsole
{
    public static void Configure()
    {
        if (Console.IsOutputRedirected) AnsiConsole.Profile.Width = 240;
    }
}
