using System.Reflection;
using System.CommandLine;
using System.CommandLine.Invocation;

namespace DeepForge.Cli.Hosting;

/// <summary>Runs a command's body with the shared context and hands every error to <see cref="CliErrors"/>, which makes it one line and an exit code.</summary>
internal static class CliAction
{
    public const int Ok = 0;
    public const int Failed = 1;
    public const int BadInput = 2;

    /// <summary>
    /// Gives the actions of a command tree made elsewhere (the benchmarks) the same error handling: what they throw becomes
    /// one line and an exit code through <see cref="CliErrors"/>, as for the command's own.
    /// </summary>
    public static void Guard(Command command)
    {
        if (command.Action is AsynchronousCommandLineAction action)
            command.SetAction((parse, cancellationToken) => Run(() => action.InvokeAsync(parse, cancellationToken), cancellationToken));
        foreach (var subcommand in command.Subcommands) Guard(subcommand);
    }

    /// <summary>Runs <paramref name="body"/> with what it throws as one line and an exit code ("Stopped." when <paramref name="cancellationToken"/> ended it).</summary>
    public static async Task<int> Run(Func<Task<int>> body, CancellationToken cancellationToken)
    {
        try
        {
            return await body();
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            Console.Error.WriteLine("Stopped.");
            return Failed;
        }
        catch (TargetInvocationException e) when (e.InnerException != null)
        {
            return CliErrors.Report(e.InnerException); // a verb loaded by reflection (the benchmarks' job-exec) throws through Invoke
        }
        catch (Exception e)
        {
            return CliErrors.Report(e);
        }
    }

    public static void Set(Command command, Func<ParseResult, CliContext, CancellationToken, Task<int>> body) =>
        command.SetAction((parse, cancellationToken) => Run(context => body(parse, context, cancellationToken), cancellationToken));

    /// <summary>Runs <paramref name="body"/> with a new shared context, its errors as one line and an exit code (also for a verb run without a tree).</summary>
    public static Task<int> Run(Func<CliContext, Task<int>> body, CancellationToken cancellationToken) =>
        Run(async () =>
        {
            await using var context = new CliContext();
            using var stop = cancellationToken.Register(context.StopAsked);
            return await body(context);
        }, cancellationToken);
}
