namespace DeepForge.Integration.Tests.Infrastructure;

/// <summary>Assertions on a command's result whose failure messages show everything the command printed.</summary>
internal static class CliAssert
{
    public static CliResult Succeeded(CliResult result)
    {
        Assert.True(result.ExitCode == 0, $"expected exit 0\n{result}");
        return result;
    }

    /// <summary>Exit code 2 and an error line on stderr that contains <paramref name="place"/>: <c>error: ...</c>, or a compiler's <c>file(line,col): error CS...</c>.</summary>
    public static CliResult BadInput(CliResult result, string place)
    {
        Assert.True(result.ExitCode == 2, $"expected exit 2 (bad input)\n{result}");
        Assert.True(result.Stderr.Split('\n').Any(l => (l.StartsWith("error: ", StringComparison.Ordinal) || l.Contains(": error ", StringComparison.Ordinal)) && l.Contains(place, StringComparison.Ordinal)),
            $"expected an error line on stderr naming {place}\n{result}");
        return result;
    }
}
