using System.Text.Json;
using DeepForge.Runtime;

namespace DeepForge.Cli.Commands;

/// <summary>Reads <c>--set node.attribute=value</c>: a JSON value (number, true, "text"), or plain text taken as a string.</summary>
internal static class AttributeBinding
{
    public static void Bind(IEnumerable<string> settings, RunOptions options)
    {
        foreach (var setting in settings)
        {
            var equals = setting.IndexOf('=');
            var dot = equals > 0 ? setting.LastIndexOf('.', equals) : -1;
            if (dot <= 0 || dot > equals - 2)
                throw new DeepForgeException($"--set {setting}", $"--set {setting}: write it as node.attribute=value");
            var (node, name, text) = (setting[..dot], setting[(dot + 1)..equals], setting[(equals + 1)..]);
            if (!options.Attributes.TryGetValue(node, out var values)) options.Attributes[node] = values = new();
            values[name] = Parse(text);
        }
    }

    private static JsonElement Parse(string text)
    {
        try { return JsonDocument.Parse(text).RootElement.Clone(); }
        catch (JsonException) { return JsonSerializer.SerializeToElement(text); }
    }
}
