using System.Text.Json;
using DeepForge.Integration.Tests.Infrastructure;

namespace DeepForge.Integration.Tests;

/// <summary><c>deepforge config [key [value]]</c> and the environment variables that override it.</summary>
public sealed class ConfigTests : IDisposable
{
    private readonly TempFolder _temp = new();
    private readonly Cli _cli;

    public ConfigTests() => _cli = new Cli(_temp["data"]);

    [Fact]
    public void Config_WithoutAKey_PrintsEverySettingAsJson()
    {
        var settings = Settings(CliAssert.Succeeded(_cli.Run("config")));

        Assert.Equal(JsonValueKind.String, settings.GetProperty("blob").GetProperty("dir").ValueKind);
        Assert.Equal(JsonValueKind.String, settings.GetProperty("worker").GetProperty("dir").ValueKind);
        Assert.Equal(JsonValueKind.String, settings.GetProperty("worker").GetProperty("cache").GetProperty("dir").ValueKind);
        Assert.True(settings.GetProperty("worker").GetProperty("cache").GetProperty("useBlob").ValueKind is JsonValueKind.True or JsonValueKind.False);
        Assert.StartsWith(_cli.DataDirectory, settings.GetProperty("blob").GetProperty("dir").GetString());
    }

    [Fact]
    public void Config_OfAKeyAfterItWasSet_PrintsTheNewValue()
    {
        CliAssert.Succeeded(_cli.Run("config", "worker.cache.dir", "/x"));

        var value = CliAssert.Succeeded(_cli.Run("config", "worker.cache.dir"));

        Assert.Equal("/x", JsonSerializer.Deserialize<string>(value.Stdout));
        Assert.Equal("/x", Settings(CliAssert.Succeeded(_cli.Run("config"))).GetProperty("worker").GetProperty("cache").GetProperty("dir").GetString());
    }

    [Fact]
    public void Config_WithDeepforgeWorkerCacheSet_PrintsTheEnvironmentValueOverTheStoredOne()
    {
        CliAssert.Succeeded(_cli.Run("config", "worker.cache.dir", "/x"));
        _cli.Environment["DEEPFORGE_WORKER_CACHE"] = "/from/environment";

        var value = CliAssert.Succeeded(_cli.Run("config", "worker.cache.dir"));

        Assert.Equal("/from/environment", JsonSerializer.Deserialize<string>(value.Stdout));
        Assert.Equal("/from/environment", Settings(CliAssert.Succeeded(_cli.Run("config"))).GetProperty("worker").GetProperty("cache").GetProperty("dir").GetString());
    }

    [Fact]
    public void Config_OfAnUnknownKey_IsRefusedNamingTheKey()
    {
        CliAssert.BadInput(_cli.Run("config", "no.such.key"), "no.such.key");
        CliAssert.BadInput(_cli.Run("config", "no.such.key", "value"), "no.such.key");
    }

    [Fact]
    public void Config_OfAnEmptyPath_IsRefusedAndKeepsTheStoredValue()
    {
        CliAssert.Succeeded(_cli.Run("config", "blob.dir", "/kept"));

        OneLineError.Assert(_cli.Run("config", "blob.dir", ""), 2, "blob.dir cannot be empty");

        Assert.Equal("/kept", JsonSerializer.Deserialize<string>(CliAssert.Succeeded(_cli.Run("config", "blob.dir")).Stdout));
    }

    [Fact]
    public void Config_OfARelativePath_StoresItAbsoluteAgainstTheCurrentFolderAndSaysSo()
    {
        var result = CliAssert.Succeeded(_cli.Run("config", "worker.dir", "work"));

        var expected = Path.Combine(Path.GetDirectoryName(_cli.DataDirectory)!, "work"); // the command runs in the data folder's parent
        Assert.Equal(expected, JsonSerializer.Deserialize<string>(CliAssert.Succeeded(_cli.Run("config", "worker.dir")).Stdout));
        Assert.Contains("relative path", result.Stderr);
        Assert.Contains(expected, result.Stderr);
    }

    [Fact]
    public void Config_OfABooleanThatIsNoBoolean_IsRefused() =>
        OneLineError.Assert(_cli.Run("config", "worker.cache.useBlob", "maybe"), 2, "true or false");

    public void Dispose() => _temp.Dispose();

    /// <summary>The JSON document of <c>deepforge config</c> (after its "Current config:" heading).</summary>
    private static JsonElement Settings(CliResult result)
    {
        var start = result.Stdout.IndexOf('{');
        Assert.True(start >= 0, $"no JSON object in the output\n{result}");
        using var document = JsonDocument.Parse(result.Stdout[start..]);
        return document.RootElement.Clone();
    }
}
