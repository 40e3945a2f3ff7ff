using DeepForge.Integration.Tests.Infrastructure;

namespace DeepForge.Integration.Tests.Distributed;

/// <summary><c>DEEPFORGE_PARTIAL_UPLOAD_TIMEOUT</c> sets how long <c>deepforge start</c> keeps an unfinished upload's file.</summary>
public sealed class PartialUploadTests
{
    [Fact]
    public async Task Start_RemovesAnAbandonedPartialUpload_OnceItIsOlderThanTheTimeoutSet()
    {
        using var cluster = new Cluster();
        cluster.Server.Environment["DEEPFORGE_PARTIAL_UPLOAD_TIMEOUT"] = "2s";
        await cluster.StartServerAsync();
        var incoming = Directory.CreateDirectory(Path.Combine(cluster.Temp["server"], "blob", "incoming")).FullName;
        var partial = Path.Combine(incoming, "left-by-a-killed-client.part");
        File.WriteAllText(partial, "half an upload");

        // With the default of 10 minutes the file would stay for the whole of this wait.
        await Poll.UntilAsync(() => !File.Exists(partial), TimeSpan.FromMinutes(1), () => $"{partial} to be removed");
    }

    [Fact]
    public void Start_WithATimeoutThatIsNotADuration_SaysSoInOneLine()
    {
        using var temp = new TempFolder();
        var cli = new Cli(temp["data"]);
        cli.Environment["DEEPFORGE_PARTIAL_UPLOAD_TIMEOUT"] = "soon";

        OneLineError.Assert(cli.Run("start", "-s", "--port", FreePort.Next().ToString(System.Globalization.CultureInfo.InvariantCulture)), 2, "DEEPFORGE_PARTIAL_UPLOAD_TIMEOUT 'soon' is not a duration");
    }
}
