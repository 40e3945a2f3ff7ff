using System.Globalization;
using DeepForge.Integration.Tests.Distributed;
using DeepForge.Integration.Tests.Infrastructure;

namespace DeepForge.Integration.Tests.MultiServer;

/// <summary>DEEPFORGE_EXECUTION_LEASE: read by <c>deepforge start</c>; a value that is no usable lease stops it in one line naming the variable.</summary>
[Collection(DistributedCollection.Name)]
public sealed class ExecutionLeaseSettingTests : IDisposable
{
    private readonly TempFolder _temp = new();

    [Theory]
    [InlineData("soon")]
    [InlineData("500ms")]
    [InlineData("0.5s")]
    [InlineData("2h")]
    public void Start_IsRefusedInOneLineNamingTheVariable_WhenTheExecutionLeaseIsNoUsableDuration(string value)
    {
        var cli = new Cli(_temp["data"]);
        cli.Environment["DEEPFORGE_EXECUTION_LEASE"] = value;

        var line = OneLineError.Assert(cli.Run(TimeSpan.FromMinutes(2), "start", "-s", "--port", FreePort.Next().ToString(CultureInfo.InvariantCulture)),
            2, "DEEPFORGE_EXECUTION_LEASE");

        Assert.Contains($"'{value}'", line);
    }

    public void Dispose() => _temp.Dispose();
}
