using System.CommandLine;
using DeepForge.Cli.Hosting;
using DeepForge.Cli.Output;
using DeepForge.Extensions;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace DeepForge.Cli.Commands;

/// <summary><c>deepforge extensions add|remove|list</c>: extension packages, loaded at the next start.</summary>
internal static class ExtensionsCommand
{
    public static Command Create() => new("extensions", "Install, list and remove extension packages (operations, layers, data types, seeds)")
    {
        Add(), Remove(), List(),
    };

    private static Command Add()
    {
        var spec = new Argument<string>("package") { Description = "A package id (id or id@version), a .nupkg file, or a folder (a build output, or one holding a .nupkg)" };
        var sources = new Option<string[]>("--source") { Description = "Another package source (a folder or a feed), searched before the configured ones", AllowMultipleArgumentsPerToken = false };
        var command = new Command("add", "Install an extension; it loads at the next start of the command, a server or a worker") { spec, sources };
        CliAction.Set(command, async (parse, context, ct) =>
        {
            var installer = context.Services.GetRequiredService<IExtensionInstaller>();
            var installed = await installer.AddAsync(parse.GetValue(spec)!, parse.GetValue(sources) ?? [], Console.Out, ct);
            Console.WriteLine($"Installed {installed.Id} {installed.Version} ({string.Join(", ", installed.Assemblies)})"
                + (installed.SeedDirectories.Count > 0 ? $" with seeds: {string.Join(", ", installer.SeedNames(installed))}" : ""));
            return CliAction.Ok;
        });
        return command;
    }

    private static Command Remove()
    {
        var id = new Argument<string>("id") { Description = "The extension's package id" };
        var command = new Command("remove", "Remove an extension, unless a project uses its operations") { id };
        CliAction.Set(command, async (parse, context, ct) =>
        {
            var extension = await context.Services.GetRequiredService<IExtensionInstaller>().RemoveAsync(parse.GetValue(id)!, Console.Out, ct);
            Console.WriteLine($"Removed {extension.Id} {extension.Version}");
            return CliAction.Ok;
        });
        return command;
    }

    private static Command List()
    {
        var json = new Option<bool>("--json") { Description = "Print JSON" };
        var command = new Command("list", "List the installed extensions") { json };
        CliAction.Set(command, (parse, context, _) =>
        {
            var installer = context.Services.GetRequiredService<IExtensionInstaller>();
            var installed = installer.Installed();
            if (parse.GetValue(json))
            {
                JsonOutput.Print(installed.Select(e => new { e.Id, e.Version, e.Source, e.InstalledAt, e.Assemblies, Seeds = installer.SeedNames(e), e.Dependencies }));
                return Task.FromResult(CliAction.Ok);
            }
            if (installed.Count == 0)
            {
                Console.WriteLine("No extensions installed. Install one with: deepforge extensions add <package id | file.nupkg | folder>");
                return Task.FromResult(CliAction.Ok);
            }
            var table = new Table().AddColumns("Extension", "Version", "Assemblies", "Seeds", "Source");
            foreach (var e in installed)
                table.AddRow(Markup.Escape(e.Id), Markup.Escape(e.Version), Markup.Escape(string.Join(", ", e.Assemblies)),
                    Markup.Escape(string.Join(", ", installer.SeedNames(e))), Markup.Escape(e.Source ?? ""));
            AnsiConsole.Write(table);
            return Task.FromResult(CliAction.Ok);
        });
        return command;
    }
}
