using System.CommandLine;
using DeepForge.Cli.Tool;
using DeepForge.Cli.Hosting;
using DeepForge.Extensions;
using Microsoft.Extensions.DependencyInjection;

namespace DeepForge.Cli.Commands;

/// <summary>
/// <c>deepforge update [--extensions-only] [--source S]</c>: every installed extension to its newest version
/// in the package sources, then the tool itself (<c>dotnet tool update</c>), and says what changed.
/// </summary>
internal static class UpdateCommand
{
    public static Command Create()
    {
        var extensionsOnly = new Option<bool>("--extensions-only") { Description = "Update the installed extensions, not the tool" };
        var sources = new Option<string[]>("--source") { Description = "Another package source (a folder or a feed), searched before the configured ones", AllowMultipleArgumentsPerToken = false };
        var command = new Command("update", "Update the installed extensions and the deepforge tool to their newest versions in the package sources") { extensionsOnly, sources };
        CliAction.Set(command, async (parse, context, ct) =>
        {
            var extra = parse.GetValue(sources) ?? [];
            var failed = false;

            var changes = await context.Services.GetRequiredService<IExtensionInstaller>().UpdateAllAsync(extra, Console.Out, ct);
            if (changes.Count == 0) Console.WriteLine("No extensions installed.");
            foreach (var change in changes)
            {
                if (change.Error != null)
                {
                    failed = true;
                    Console.Error.WriteLine($"{change.Id} {change.From}: not updated: {change.Error}");
                }
                else if (change.To != null) Console.WriteLine($"Updated {change.Id} {change.From} -> {change.To}");
                else Console.WriteLine($"{change.Id} {change.From} is the newest version");
            }
            if (changes.Count > 0)
                Console.WriteLine($"{changes.Count(c => c.To != null)} of {changes.Count} extension(s) updated; they load at the next start of the command, a server or a worker.");

            if (!parse.GetValue(extensionsOnly))
            {
                var tool = ToolInstall.Current();
                if (tool.Kind == ToolInstallKind.NotATool)
                {
                    Console.WriteLine($"This deepforge was not installed as a dotnet tool (it runs from {AppContext.BaseDirectory}), so it is not updated. To install or update the tool run:");
                    Console.WriteLine($"  {tool.CommandLine("update", extra)}");
                }
                else
                {
                    Console.WriteLine($"Updating the tool: {tool.CommandLine("update", extra)}");
                    var exit = await tool.RunAsync("update", extra, ct);
                    if (exit != 0)
                    {
                        failed = true;
                        Console.Error.WriteLine($"dotnet tool update failed with exit code {exit}");
                    }
                }
            }
            return failed ? CliAction.Failed : CliAction.Ok;
        });
        return command;
    }
}
