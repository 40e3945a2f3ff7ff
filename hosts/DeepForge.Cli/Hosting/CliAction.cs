using System.CommandLine;

namespace DeepForge.Cli.Hosting;

/// <summary>Runs a command's body with the shared context and hands every error to <see cref="CliErrors"/>, which makes it one line and an exit code.</summary>
internal static class CliAction
{
    public const int Ok = 0;
    public const int Failed = 1;
    public const int BadInput = 2;

    public static void Set(Command command, Func<ParseResult, CliContext, CancellationToken, Task<int>> body) =>
        command.SetAction(async (parse, cancellationToken) =>
        {
            try
            {
                await using var context = new CliContext();
                using var stop = cancellationToken.Register(context.StopAsked);
                return await body(parse, context, cancellationToken);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                Console.Error.WriteLine("Stopped.");
                return Failed;
            }
            catch (Exception e)
            {
                return CliErrors.Report(e);
            }
        });
}
