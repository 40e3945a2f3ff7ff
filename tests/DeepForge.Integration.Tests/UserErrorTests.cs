using DeepForge.Integration.Tests.Infrastructure;

namespace DeepForge.Integration.Tests;

/// <summary>
/// Errors a person can cause on the command line end in one line that says what was wrong and what to do, exit code 2 for
/// wrong input and 1 for a failure, and never a stack trace.
/// </summary>
public sealed class UserErrorTests : IDisposable
{
    private readonly TempFolder _temp = new();
    private readonly Cli _cli;

    public UserErrorTests() => _cli = new Cli(_temp["data"]);

    [Fact]
    public void Start_OnPort70000_IsRefusedAsWrongInput() =>
        OneLineError.Assert(_cli.Run("start", "--port", "70000"), 2, "--port 70000");

    [Fact]
    public void Start_WithAPortThatIsNoNumber_IsRefusedWithoutNamingADotNetType()
    {
        var line = OneLineError.Assert(_cli.Run("start", "--port", "abc"), 2, "abc");

        Assert.DoesNotContain("System.", line);
    }

    [Fact]
    public void Executions_OnAClosedPort_SaysTheServerCannotBeReached()
    {
        var port = ClosedPort();

        OneLineError.Assert(_cli.Run("executions", "p", "--server", $"http://127.0.0.1:{port}"), 1, "cannot reach the server");
    }

    [Fact]
    public void Run_OnAClosedPort_SaysTheServerCannotBeReached()
    {
        var port = ClosedPort();

        OneLineError.Assert(_cli.Run("run", "p", "q", "--server", $"http://127.0.0.1:{port}"), 1, "cannot reach the server");
    }

    [Fact]
    public void Executions_WithAServerThatIsNoUrl_IsRefusedAsWrongInput() =>
        OneLineError.Assert(_cli.Run("executions", "p", "--server", "localhost-8888"), 2, "--server localhost-8888");

    [Fact]
    public void ExtensionsAdd_OfAFileThatIsNoZip_SaysItIsNoPackage()
    {
        var file = _temp["broken.nupkg"];
        File.WriteAllText(file, "not a zip");

        OneLineError.Assert(_cli.Run("extensions", "add", file), 2, "is not a NuGet package");
        Assert.False(Directory.Exists(Path.Combine(_cli.DataDirectory, "extensions")));
    }

    [Fact]
    public void Projects_WithAnEmptyBlobDirInTheConfigFile_NamesTheSettingAndTheFile()
    {
        WriteConfig("""{ "blob": { "dir": "" } }""");

        OneLineError.Assert(_cli.Run("projects"), 2, "blob.dir is empty in " + Path.Combine(_cli.DataDirectory, "config.json"));
    }

    [Fact]
    public void Projects_WithARelativeBlobDirInTheConfigFile_NamesTheSettingAndTheFile()
    {
        WriteConfig("""{ "blob": { "dir": "blobs" } }""");

        OneLineError.Assert(_cli.Run("projects"), 2, "blob.dir is 'blobs'");
    }

    [Fact]
    public void Start_OnAPortInUse_SaysSoInOneLine()
    {
        var taken = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        taken.Start();
        try
        {
            var port = ((System.Net.IPEndPoint)taken.LocalEndpoint).Port;

            OneLineError.Assert(_cli.Run("start", "--server", "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture)), 1, $"another program uses port {port}");
        }
        finally
        {
            taken.Stop();
        }
    }

    [Fact]
    public void Projects_WithADataFolderThatIsAFile_SaysSo()
    {
        File.WriteAllText(_cli.DataDirectory, "a file, not a folder");

        OneLineError.Assert(_cli.Run("projects"), 2, "is a file");
    }

    [Fact]
    public void New_FromAFolderThatIsNoSeed_IsRefusedAndMakesNoProject()
    {
        var folder = Directory.CreateDirectory(_temp["not-a-seed"]).FullName;

        OneLineError.Assert(_cli.Run("new", "p", "--seed", folder), 2, "is not a seed");

        Assert.DoesNotContain("\"p\"", CliAssert.Succeeded(_cli.Run("projects", "--json")).Stdout);
    }

    [Fact]
    public void UnknownCommand_IsRefusedAsWrongInputNamingTheHelp()
    {
        var result = _cli.Run("frobnicate");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("'frobnicate'", result.Stderr);
        Assert.DoesNotContain("   at ", result.Stderr);
    }

    public void Dispose() => _temp.Dispose();

    private void WriteConfig(string json)
    {
        Directory.CreateDirectory(_cli.DataDirectory);
        File.WriteAllText(Path.Combine(_cli.DataDirectory, "config.json"), json);
    }

    /// <summary>A loopback port nothing listens on: taken from the system, then let go.</summary>
    private static int ClosedPort()
    {
        var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
