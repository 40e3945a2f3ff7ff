using System.CommandLine;
using DeepForge.Cli.Hosting;
using DeepForge.Cli.Output;
using DeepForge.Cli.Remote;

namespace DeepForge.Cli.Commands;

/// <summary><c>deepforge status --server URL</c>: the servers, connected workers and queue of a running deployment.</summary>
internal static class StatusCommand
{
    public static Command Create()
    {
        var json = new Option<bool>("--json") { Description = "Print JSON" };
        var server = ServerOption.Create();
        (server.Required, server.Description) = (true, "The running server's URL, e.g. http://localhost:8888");
        var command = new Command("status", "Show a running server's servers, workers (labels, last seen, current jobs) and queue (length, oldest waiting job)") { server, json };
        CliAction.Set(command, async (parse, _, ct) =>
        {
            using var client = new ServerClient(parse.GetValue(server)!);
            var status = await client.StatusAsync(ct);
            if (parse.GetValue(json)) JsonOutput.Print(status);
            else StatusPrinter.Print(client.BaseUrl, status, DateTimeOffset.UtcNow);
            return CliAction.Ok;
        });
        return command;
    }
}
