namespace DeepForge.Cli.Hosting;

/// <summary>What <c>deepforge start</c> was asked to run.</summary>
internal sealed record StartSettings(bool Server, bool Worker, string Host, int Port, string? ServerUrl, string? Token, IReadOnlyList<string> Labels, int Slots)
{
    /// <summary>Where the local worker finds the server started beside it.</summary>
    public string LocalUrl => $"http://{(Host is "0.0.0.0" or "*" or "::" ? "127.0.0.1" : Host)}:{Port}";
}
