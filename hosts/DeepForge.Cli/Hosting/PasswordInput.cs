using Spectre.Console;

namespace DeepForge.Cli.Hosting;

/// <summary>A password typed at a prompt (not echoed, asked twice), or one line of standard input with --password-stdin.</summary>
internal static class PasswordInput
{
    public static string Read(bool fromStdin, bool confirm)
    {
        if (fromStdin)
        {
            var line = Console.In.ReadLine();
            if (string.IsNullOrEmpty(line)) throw new DeepForgeException("--password-stdin", "--password-stdin read no password: pipe it in, e.g. 'printf %s \"$PASSWORD\" | deepforge ...'");
            return line.TrimEnd('\r', '\n');
        }
        if (Console.IsInputRedirected)
            throw new DeepForgeException("password", "no terminal to ask for the password: pass --password-stdin and pipe the password in");
        var password = AnsiConsole.Prompt(new TextPrompt<string>("Password:").Secret());
        if (confirm && AnsiConsole.Prompt(new TextPrompt<string>("Again:").Secret()) != password)
            throw new DeepForgeException("password", "the two passwords differ: nothing was changed");
        return password;
    }
}
