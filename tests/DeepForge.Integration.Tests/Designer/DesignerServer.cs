using System.Globalization;
using System.Net;
using DeepForge.Integration.Tests.Distributed;
using DeepForge.Integration.Tests.Infrastructure;

namespace DeepForge.Integration.Tests.Designer;

/// <summary><c>deepforge start --port N</c> (server, designer and a local worker) on a fresh data folder, as a user starts it.</summary>
internal sealed class DesignerServer : IDisposable
{
    private readonly TempFolder _temp = new("deepforge-designer");
    private readonly BackgroundCli _process;

    private DesignerServer()
    {
        Cli = new Cli(_temp["data"]);
        Url = $"http://127.0.0.1:{FreePort.Next()}";
        _process = Cli.Start("start", "--port", new Uri(Url).Port.ToString(CultureInfo.InvariantCulture));
    }

    public Cli Cli { get; }

    public string Url { get; }

    public static async Task<DesignerServer> StartAsync()
    {
        var server = new DesignerServer();
        using var http = new HttpClient { BaseAddress = new Uri(server.Url) };
        await Poll.UntilAsync(async () =>
        {
            Assert.False(server._process.HasExited, $"deepforge start ended while starting\n{server._process}");
            try { using var response = await http.GetAsync("/ready"); return response.StatusCode == HttpStatusCode.OK; }
            catch (HttpRequestException) { return false; }
        }, TimeSpan.FromMinutes(1), () => $"deepforge start never became ready\n{server._process}");
        server.Cli.AddPerson(EditorName, "editor");
        return server;
    }

    /// <summary>The editor the walkthrough signs in as (password <see cref="Cli.Password"/>).</summary>
    public const string EditorName = "eve";

    /// <summary>The one-time sign-in address <c>deepforge start</c> printed.</summary>
    public string SignInUrl => _process.Stdout.Split('\n').Select(l => l.Trim()).First(l => l.StartsWith("Sign in (works once): ", StringComparison.Ordinal))["Sign in (works once): ".Length..];

    /// <summary>What the server printed, for failure messages.</summary>
    public override string ToString() => _process.ToString();

    public void Dispose()
    {
        _process.Dispose();
        _temp.Dispose();
    }
}
