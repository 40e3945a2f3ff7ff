using System.Globalization;
using System.Net;
using DeepForge.Integration.Tests.Distributed;
using DeepForge.Integration.Tests.Infrastructure;

namespace DeepForge.Integration.Tests.Auth;

/// <summary><c>deepforge start</c>, <c>users</c>, <c>token</c>, <c>login</c> and <c>--server</c> as a person uses them.</summary>
public sealed class SignInCommandTests : IDisposable
{
    private static readonly TimeSpan StartBound = TimeSpan.FromMinutes(1);
    private readonly TempFolder _temp = new("deepforge-auth");
    private readonly Cli _cli;

    public SignInCommandTests() => _cli = new Cli(_temp["data"]);

    [Fact]
    public async Task Start_PrintsASignInAddressThatWorksOnce_AndMakesTheFirstAdmin()
    {
        var (process, url) = await StartAsync();
        using var _ = process;
        var signIn = await Poll.UntilAsync(() => Task.FromResult(process.Stdout.Split('\n').Select(l => l.Trim())
            .FirstOrDefault(l => l.StartsWith("Sign in (works once): ", StringComparison.Ordinal))), StartBound, process.ToString);
        var address = signIn["Sign in (works once): ".Length..];
        using var browser = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() });
        using var other = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });

        using var first = await browser.GetAsync(address);
        using var me = await browser.GetAsync(url + "/api/v1/auth/me");
        using var again = await other.GetAsync(address);

        Assert.StartsWith(url + "/?token=dfs_", address);
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Contains("\"role\":\"admin\"", await me.Content.ReadAsStringAsync());
        Assert.Equal("/signin?error=token", again.Headers.Location?.OriginalString);
        Assert.Contains("Made the admin 'admin'", process.ToString());
        Assert.Contains("admin", CliAssert.Succeeded(_cli.Run("users", "list")).Stdout);
    }

    [Fact]
    public async Task ServerCommands_SayHowToSignIn_ThenWorkAfterLogin_AsThePersonTheyAre()
    {
        CliAssert.Succeeded(_cli.Run("new", "fm", "--seed", "blank"));
        _cli.AddPerson("alice", "editor");
        var (process, url) = await StartAsync();
        using var _ = process;

        var refused = _cli.Run("executions", "fm", "--server", url);
        var wrong = _cli.RunWithInput("not her password\n", "login", url, "--name", "alice", "--password-stdin");
        var login = _cli.RunWithInput(Cli.Password + "\n", "login", url, "--name", "alice", "--password-stdin");
        var notShared = _cli.Run("executions", "fm", "--server", url);
        CliAssert.Succeeded(_cli.Run("projects", "share", "fm", "alice", "--role", "editor"));
        var shared = _cli.Run("executions", "fm", "--server", url, "--json");

        CliAssert.BadInput(refused, $"deepforge login {url}");
        CliAssert.BadInput(wrong, "the name or the password is wrong");
        Assert.Contains("as alice (editor)", CliAssert.Succeeded(login).Stdout);
        CliAssert.BadInput(notShared, "there is no project 'fm'");
        CliAssert.Succeeded(shared);
    }

    [Fact]
    public async Task A_revoked_personal_token_no_longer_signs_in()
    {
        _cli.AddPerson("bob", "viewer");
        var token = CliAssert.Succeeded(_cli.Run("token", "create", "--user", "bob", "--expires", "30d")).StdoutLines.Last().Trim();
        var (process, url) = await StartAsync();
        using var _ = process;
        var login = _cli.Run("login", url, "--token", token);
        var listed = System.Text.Json.JsonDocument.Parse(CliAssert.Succeeded(_cli.Run("token", "list", "--user", "bob", "--json")).Stdout);
        var id = listed.RootElement.EnumerateArray().Single().GetProperty("id").GetString()!;

        CliAssert.Succeeded(_cli.Run("token", "revoke", id));
        var after = _cli.Run("login", url, "--token", token);

        Assert.Contains("as bob (viewer)", CliAssert.Succeeded(login).Stdout);
        CliAssert.BadInput(after, "did not accept your sign-in");
    }

    [Fact]
    public async Task Start_OnANetworkAddressWithoutACertificate_WarnsThatTrafficIsUnencrypted()
    {
        var (process, _) = await StartAsync("--host", "0.0.0.0");
        using var __ = process;

        Assert.Contains("WARNING: --host 0.0.0.0 puts the server on the network over plain HTTP", process.ToString());
        Assert.Contains("--cert PATH", process.ToString());
    }

    [Fact]
    public async Task Start_WithACertificate_ServesHttps_AndDoesNotWarnAboutPlainHttp()
    {
        var certificate = _temp["server.pfx"];
        using (var key = System.Security.Cryptography.RSA.Create(2048))
        {
            var request = new System.Security.Cryptography.X509Certificates.CertificateRequest("CN=127.0.0.1", key,
                System.Security.Cryptography.HashAlgorithmName.SHA256, System.Security.Cryptography.RSASignaturePadding.Pkcs1);
            using var made = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
            await File.WriteAllBytesAsync(certificate, made.Export(System.Security.Cryptography.X509Certificates.X509ContentType.Pfx));
        }
        var port = FreePort.Next();
        using var process = _cli.Start("start", "-s", "--host", "0.0.0.0", "--port", port.ToString(CultureInfo.InvariantCulture), "--cert", certificate);
        using var https = new HttpClient(new HttpClientHandler { ServerCertificateCustomValidationCallback = (_, _, _, _) => true });

        await Poll.UntilAsync(async () =>
        {
            Assert.False(process.HasExited, $"deepforge start ended while starting\n{process}");
            try { using var response = await https.GetAsync($"https://127.0.0.1:{port}/health"); return response.StatusCode == HttpStatusCode.OK ? "up" : null; }
            catch (HttpRequestException) { return null; }
        }, StartBound, process.ToString);

        Assert.DoesNotContain("plain HTTP", process.ToString());
        Assert.Contains($"https://127.0.0.1:{port}/?token=", await Poll.UntilAsync(() => Task.FromResult(process.Stdout.Contains("Sign in") ? process.Stdout : null), StartBound, process.ToString));
    }

    [Fact]
    public void Start_WithSignInOffOnANetworkAddress_RefusesToStart()
    {
        CliAssert.Succeeded(_cli.Run("config", "auth.enabled", "false"));

        var result = _cli.Run(TimeSpan.FromMinutes(2), "start", "-s", "--host", "0.0.0.0", "--port", FreePort.Next().ToString(CultureInfo.InvariantCulture));

        CliAssert.BadInput(result, "sign-in is off");
    }

    [Fact]
    public async Task Start_WithSignInOffOnLoopback_SaysSoAndAnswersWithoutCredentials()
    {
        CliAssert.Succeeded(_cli.Run("config", "auth.enabled", "false"));
        var (process, url) = await StartAsync();
        using var _ = process;
        using var http = new HttpClient();

        using var projects = await http.GetAsync(url + "/api/v1/projects");

        Assert.Contains("WARNING: sign-in is OFF", process.ToString());
        Assert.Equal(HttpStatusCode.OK, projects.StatusCode);
    }

    [Fact]
    [System.Runtime.Versioning.SupportedOSPlatform("linux")]
    public async Task The_data_folder_database_config_and_blobs_are_readable_by_their_owner_only()
    {
        var (process, _) = await StartAsync();
        using var __ = process;
        var data = _cli.DataDirectory;

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(data));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(Path.Combine(data, "blob")));
        foreach (var file in new[] { "deepforge.db", "config.json" })
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Path.Combine(data, file)));
    }

    private async Task<(BackgroundCli Process, string Url)> StartAsync(params string[] more)
    {
        var port = FreePort.Next();
        var url = $"http://127.0.0.1:{port}";
        var process = _cli.Start(["start", "-s", "--port", port.ToString(CultureInfo.InvariantCulture), .. more]);
        using var http = new HttpClient();
        await Poll.UntilAsync(async () =>
        {
            Assert.False(process.HasExited, $"deepforge start ended while starting\n{process}");
            try { using var response = await http.GetAsync(url + "/ready"); return response.StatusCode == HttpStatusCode.OK ? "ready" : null; }
            catch (HttpRequestException) { return null; }
        }, StartBound, process.ToString);
        return (process, url);
    }

    public void Dispose() => _temp.Dispose();
}
