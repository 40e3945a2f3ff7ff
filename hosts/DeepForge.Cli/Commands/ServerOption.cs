using System.CommandLine;

namespace DeepForge.Cli.Commands;

/// <summary><c>--server URL</c>: act on a running server instead of this machine's data folder.</summary>
internal static class ServerOption
{
    public static Option<string?> Create() => new("--server") { Description = "A running server's URL, e.g. http://localhost:8888 (default: this machine's data folder)" };
}
