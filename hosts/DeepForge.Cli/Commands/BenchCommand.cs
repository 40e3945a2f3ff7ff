using System.CommandLine;
using System.Reflection;
using System.Runtime.Loader;
using DeepForge.Cli.Hosting;
using DeepForge.Configuration;
using DeepForge.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace DeepForge.Cli.Commands;

/// <summary>
/// <c>deepforge bench ...</c>: the benchmarks live in DeepForge.Benchmarks.dll, which <c>./deepforge</c>'s build puts beside
/// the command and the installed tool leaves out. It is loaded only when the command line asks for bench, and lends the
/// benchmarks this command's engine, worker and command line; without it, <c>bench</c> says so in one line.
/// </summary>
internal static class BenchCommand
{
    public const string AssemblyFile = "DeepForge.Benchmarks.dll";
    private const string EntryType = "DeepForge.Benchmarks.BenchmarkCommands";
    private const string Description = "Measure DeepForge's speed (engine, train, dispatch, blob, editor, lease, soak); needs " + AssemblyFile + " beside the command";

    public static Command Create(IReadOnlyList<string> args)
    {
        if (args.Count == 0 || args[0] != "bench") return Missing(null);
        var path = Path.Combine(AppContext.BaseDirectory, AssemblyFile);
        if (!File.Exists(path))
            return Missing($"the benchmarks are not installed: {AssemblyFile} is not beside the command in {AppContext.BaseDirectory}. The installed tool leaves them out; run ./deepforge bench from a checkout of DeepForge, whose build puts them there");
        try
        {
            var create = AssemblyLoadContext.Default.LoadFromAssemblyPath(path).GetType(EntryType)?.GetMethod("Create",
                [typeof(Action<IServiceCollection, string, Action<DeepForgeBuilder>?>), typeof(Action<IServiceCollection, string, string, string, int>), typeof(IReadOnlyList<string>)]);
            if (create?.Invoke(null, [(Action<IServiceCollection, string, Action<DeepForgeBuilder>?>)AddEngine, (Action<IServiceCollection, string, string, string, int>)AddWorker, Command()]) is not Command bench)
                return Missing($"{path} does not fit this deepforge (it has no {EntryType}.Create for it): build both from the same checkout with ./deepforge");
            CliAction.Guard(bench);
            return bench;
        }
        catch (Exception e) when (e is BadImageFormatException or FileLoadException or FileNotFoundException or TargetInvocationException)
        {
            return Missing($"{path} could not be loaded ({(e.InnerException ?? e).Message}): build it again with ./deepforge");
        }
    }

    /// <summary>
    /// A bench worker's job process (<c>bench job-exec FOLDER</c>, exactly) run without the bench's command tree, as the command's
    /// own job-exec is (<see cref="JobExecCommand"/>); null for any other arguments, or when the benchmarks are missing (the tree says so).
    /// </summary>
    public static Task<int>? RunJob(IReadOnlyList<string> args, CancellationToken cancellationToken)
    {
        if (args is not ["bench", var verb, var folder] || JobExecCommand.Direct([verb, folder]) == null) return null;
        var path = Path.Combine(AppContext.BaseDirectory, AssemblyFile);
        return File.Exists(path) ? CliAction.Run(() => RunJobAsync(path, folder, cancellationToken), cancellationToken) : null;
    }

    private static Task<int> RunJobAsync(string path, string folder, CancellationToken cancellationToken)
    {
        var run = AssemblyLoadContext.Default.LoadFromAssemblyPath(path).GetType(EntryType)?.GetMethod("RunJob",
                [typeof(Action<IServiceCollection, string, Action<DeepForgeBuilder>?>), typeof(string), typeof(CancellationToken)])
            ?? throw new CliFailure($"{path} does not fit this deepforge (it has no {EntryType}.RunJob for it): build both from the same checkout with ./deepforge");
        return (Task<int>)run.Invoke(null, [(Action<IServiceCollection, string, Action<DeepForgeBuilder>?>)AddJobPlugins, folder, cancellationToken])!;
    }

    // A job process's services, as the command's own job-exec has them: the engine's plugins, no store (CliContext.BuildForJob).
    private static void AddJobPlugins(IServiceCollection services, string dataDirectory, Action<DeepForgeBuilder>? more) =>
        CliContext.AddJobPlugins(services, dataDirectory, new DeepForgeConfig(dataDirectory), more);

    // As `deepforge start` has them: the benchmarks measure what the command runs.
    private static void AddEngine(IServiceCollection services, string dataDirectory, Action<DeepForgeBuilder>? more) =>
        CliContext.AddEngine(services, dataDirectory, new DeepForgeConfig(dataDirectory), more);

    private static void AddWorker(IServiceCollection services, string dataDirectory, string serverUrl, string token, int slots) =>
        services.AddWorker(new DeepForgeConfig(dataDirectory), serverUrl, token, [], slots);

    // This command without its job-exec verb: bench workers and their jobs run it again.
    private static IReadOnlyList<string> Command() => ChildProcessCommand.Current().SkipLast(1).ToList();

    // Listed in the help either way; it takes any arguments so a missing assembly is what it reports, not an unknown subcommand.
    private static Command Missing(string? problem)
    {
        var command = new Command("bench", Description) { TreatUnmatchedTokensAsErrors = false };
        CliAction.Set(command, (_, _, _) => throw new CliFailure(problem ?? "the benchmarks were not loaded"));
        return command;
    }
}
