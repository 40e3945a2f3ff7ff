using DeepForge.Integration.Tests.Infrastructure;

namespace DeepForge.Integration.Tests.Sweeps;

/// <summary>The rows of the table <c>deepforge sweep</c> and <c>sweep show</c> print, read as a person reads them: cells by column title.</summary>
internal static class SweepTableText
{
    public static IReadOnlyList<Dictionary<string, string>> Rows(CliResult result)
    {
        var lines = result.StdoutLines.Where(l => l.StartsWith('│')).Select(Cells).ToList();
        Assert.True(lines.Count > 0, $"no table in the output\n{result}");
        var header = lines[0];
        return lines.Skip(1).Select(cells => header.Select((title, i) => (title, cell: cells[i])).ToDictionary(c => c.title, c => c.cell)).ToList();
    }

    private static string[] Cells(string line) => line.Trim('│').Split('│').Select(c => c.Trim()).ToArray();
}
