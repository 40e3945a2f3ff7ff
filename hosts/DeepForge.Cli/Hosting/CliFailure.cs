namespace DeepForge.Cli.Hosting;

/// <summary>
/// A failure a person can fix that is not a wrong argument (a server that does not answer, a file that cannot be
/// written): printed as one line, exit code 1. Wrong input is a <see cref="DeepForgeException"/> (exit code 2).
/// </summary>
internal sealed class CliFailure(string message, Exception? inner = null) : Exception(message, inner);
