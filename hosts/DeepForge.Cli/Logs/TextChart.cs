using System.Text;

namespace DeepForge.Cli.Logs;

/// <summary>A graph drawn in characters: each line's points scaled into a small grid, one mark per line, with the y range and the x range.</summary>
internal static class TextChart
{
    private const int Width = 60;
    private const int Height = 10;
    private static readonly char[] Marks = ['*', '+', 'o', 'x', '#', '@'];

    public static string Render(string title, IReadOnlyList<(string Name, IReadOnlyList<(double X, double Y)> Points)> lines)
    {
        var all = lines.SelectMany(l => l.Points).Where(p => double.IsFinite(p.X) && double.IsFinite(p.Y)).ToList();
        var text = new StringBuilder().AppendLine(title);
        if (all.Count == 0) return text.AppendLine("  (no points)").ToString();
        var (minX, maxX, minY, maxY) = (all.Min(p => p.X), all.Max(p => p.X), all.Min(p => p.Y), all.Max(p => p.Y));
        var grid = Enumerable.Range(0, Height).Select(_ => Enumerable.Repeat(' ', Width).ToArray()).ToArray();
        for (var i = 0; i < lines.Count; i++)
            foreach (var (x, y) in lines[i].Points.Where(p => double.IsFinite(p.X) && double.IsFinite(p.Y)))
                grid[Height - 1 - Scale(y, minY, maxY, Height)][Scale(x, minX, maxX, Width)] = Marks[i % Marks.Length];
        var labelWidth = Math.Max(Label(maxY).Length, Label(minY).Length);
        for (var row = 0; row < Height; row++)
        {
            var label = row == 0 ? Label(maxY) : row == Height - 1 ? Label(minY) : "";
            text.Append(label.PadLeft(labelWidth)).Append(" |").AppendLine(new string(grid[row]).TrimEnd());
        }
        text.Append(new string(' ', labelWidth)).Append(" +").AppendLine(new string('-', Width));
        text.Append(new string(' ', labelWidth + 2)).Append(Label(minX)).Append(" .. ").AppendLine(Label(maxX));
        if (lines.Count > 1 || lines[0].Name.Length > 0)
            text.Append(new string(' ', labelWidth + 2)).AppendLine(string.Join("  ", lines.Select((l, i) => $"{Marks[i % Marks.Length]} {l.Name}")));
        return text.ToString();
    }

    private static int Scale(double value, double min, double max, int cells) =>
        max <= min ? 0 : (int)Math.Round((value - min) / (max - min) * (cells - 1));

    private static string Label(double value) => value.ToString("G4", System.Globalization.CultureInfo.InvariantCulture);
}
