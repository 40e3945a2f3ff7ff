namespace DeepForge.Cli.Hosting;

/// <summary>What <c>deepforge start</c> was asked to run.</summary>
internal sealed record StartSettings(bool Server, bool Worker, string Host, int Port, string? ServerUrl, string? Token, IReadOnlyList<string> Labels, int Slots,
    string? Certificate = null, string? CertificateKey = null)
{
    /// <summary>Where the local worker finds the server started beside it.</summary>
    public string LocalUrl => $"{Scheme}://{(Host is "0.0.0.0" or "*" or "::" ? "127.0.0.1" : Host)}:{Port}";

    public string Scheme => Certificate == null ? "http" : "https";

    /// <summary>Whether only this machine can reach the server.</summary>
    public bool IsLoopback => Host is "localhost" || (System.Net.IPAddress.TryParse(Host, out var ip) && System.Net.IPAddress.IsLoopback(ip));
}
