using System.CommandLine;
using DeepForge.Cli.Output;

namespace DeepForge.Cli.Hosting;

/// <summary>Runs a command's body with the shared context and turns our errors into messages and exit codes.</summary>
internal static class CliAction
{
    public const int Ok = 0;
    public const int Failed = 1;
    public const int BadInput = 2;

    public static void Set(Command command, Func<ParseResult, CliContext, CancellationToken, Task<int>> body) =>
        command.SetAction(async (parse, cancellationToken) =>
        {
            await using var context = new CliContext();
            try
            {
                return await body(parse, context, cancellationToken);
            }
            catch (DeepForgeException e)
            {
                Problems.Print(e.Problems);
                return BadInput;
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                Console.Error.WriteLine("Stopped.");
                return Failed;
            }
        });
}
