using System.Globalization;
using System.Text.Json;
using DeepForge.Sweeps;

namespace DeepForge.Cli.Sweeps;

/// <summary>
/// Reads the sweep's <c>--set node.attribute=a,b,c</c> (a list: JSON values, or plain text taken as a string) and
/// <c>--range node.attribute=low..high[:log|:lin]</c> (whole-number bounds draw whole numbers).
/// </summary>
internal static class SweepArguments
{
    public static List<SweepParameter> Parse(IEnumerable<string> lists, IEnumerable<string> ranges) =>
        [.. lists.Select(List), .. ranges.Select(Range)];

    private static SweepParameter List(string setting)
    {
        var (parameter, text) = Split("--set", setting, "node.attribute=value,value,...");
        var items = text.Split(',');
        if (text.Trim().Length == 0)
            throw new DeepForgeException($"--set {setting}", $"--set {setting}: the list of values is empty: write node.attribute=value,value,...");
        if (items.Any(i => i.Trim().Length == 0))
            throw new DeepForgeException($"--set {setting}", $"--set {setting}: the list of values has an empty item: write node.attribute=value,value,...");
        parameter.Values = items.Select(i => Value(i.Trim())).ToList();
        return parameter;
    }

    private static SweepParameter Range(string setting)
    {
        const string Shape = "node.attribute=low..high, with :log after it for a log scale";
        var (parameter, text) = Split("--range", setting, Shape);
        var colon = text.LastIndexOf(':');
        var scale = colon >= 0 ? text[(colon + 1)..] : "lin";
        var bounds = (colon >= 0 ? text[..colon] : text).Split("..");
        if (scale is not ("log" or "lin") || bounds.Length != 2 || !Number(bounds[0], out var min) || !Number(bounds[1], out var max))
            throw new DeepForgeException($"--range {setting}", $"--range {setting}: write it as {Shape}");
        parameter.Range = new SweepRange(min, max, scale == "log", Whole(bounds[0]) && Whole(bounds[1]));
        return parameter;
    }

    private static (SweepParameter Parameter, string Text) Split(string option, string setting, string shape)
    {
        var equals = setting.IndexOf('=');
        var dot = equals > 0 ? setting.LastIndexOf('.', equals) : -1;
        if (dot <= 0 || dot > equals - 2)
            throw new DeepForgeException($"{option} {setting}", $"{option} {setting}: write it as {shape}");
        return (new SweepParameter { Node = setting[..dot], Attribute = setting[(dot + 1)..equals] }, setting[(equals + 1)..]);
    }

    private static bool Number(string text, out double value) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value) && double.IsFinite(value);

    private static bool Whole(string text) => long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _);

    private static JsonElement Value(string text)
    {
        try { return JsonDocument.Parse(text).RootElement.Clone(); }
        catch (JsonException) { return JsonSerializer.SerializeToElement(text); }
    }
}
