using System.CommandLine;
using DeepForge.Cli.Hosting;
using DeepForge.Cli.Remote;
using Spectre.Console;

namespace DeepForge.Cli.Commands;

/// <summary>
/// <c>deepforge login URL</c>: signs in to a server (name and password, or <c>--token</c>) and keeps the token, so
/// <c>run</c>, <c>executions</c>, <c>cancel</c> and <c>resume</c> with <c>--server URL</c> need nothing more.
/// </summary>
internal static class LoginCommand
{
    public static Command Create()
    {
        var url = new Argument<string>("url") { Description = "The server, e.g. http://127.0.0.1:8888" };
        var token = new Option<string?>("--token") { Description = "A personal access token (from 'deepforge token create --user NAME') instead of a name and password" };
        var name = new Option<string?>("--name") { Description = "Your name on the server (asked when missing)" };
        var stdin = new Option<bool>("--password-stdin") { Description = "Read the password from standard input instead of asking" };
        var command = new Command("login", "Sign in to a server and keep the token for --server commands") { url, token, name, stdin };
        CliAction.Set(command, async (parse, context, ct) =>
        {
            var server = parse.GetValue(url)!;
            Logins.Key(server);
            var given = parse.GetValue(token);
            if (given == null)
            {
                var person = parse.GetValue(name) ?? AskName();
                var password = PasswordInput.Read(parse.GetValue(stdin), confirm: false);
                using var anonymous = new ServerClient(server, token: "", dataDirectory: context.DataDirectory);
                given = (await anonymous.SignInAsync(person, password, ct)).Token;
            }
            using var client = new ServerClient(server, given, context.DataDirectory);
            var me = await client.MeAsync(ct);
            new Logins(context.DataDirectory).Save(server, given);
            Console.WriteLine($"Signed in to {server.TrimEnd('/')} as {me.Name} ({me.Role}); --server {server.TrimEnd('/')} commands use this sign-in");
            return CliAction.Ok;
        });
        return command;
    }

    public static Command Logout()
    {
        var url = new Argument<string>("url") { Description = "The server to forget the sign-in of" };
        var command = new Command("logout", "Forget the token kept for a server") { url };
        CliAction.Set(command, (parse, context, ct) =>
        {
            var server = parse.GetValue(url)!;
            Console.WriteLine(new Logins(context.DataDirectory).Remove(server) ? $"Forgot the sign-in to {server}" : $"There was no sign-in kept for {server}");
            return Task.FromResult(CliAction.Ok);
        });
        return command;
    }

    private static string AskName()
    {
        if (Console.IsInputRedirected) throw new DeepForgeException("--name", "no terminal to ask for your name: pass --name NAME (and --password-stdin), or --token");
        return AnsiConsole.Prompt(new TextPrompt<string>("Name:"));
    }
}
