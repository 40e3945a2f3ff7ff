using System.CommandLine;
using DeepForge.Cli.Hosting;
using DeepForge.Server;
using Microsoft.Extensions.DependencyInjection;

namespace DeepForge.Cli.Commands;

/// <summary><c>deepforge token create --worker</c>: a new worker token for another machine.</summary>
internal static class TokenCommand
{
    public static Command Create()
    {
        var worker = new Option<bool>("--worker") { Description = "A token that lets a worker lease jobs", Required = true };
        var description = new Option<string?>("--description") { Description = "What the token is for, e.g. the machine's name" };
        var create = new Command("create", "Create a token and print it once") { worker, description };
        CliAction.Set(create, async (parse, context, ct) =>
        {
            var tokens = new WorkerTokens(context.Services.GetRequiredService<DeepForge.Storage.IDocumentStore>());
            Console.WriteLine(await tokens.CreateAsync(parse.GetValue(description), ct));
            return CliAction.Ok;
        });
        return new Command("token", "Manage tokens") { create };
    }
}
