using System.Text.Json;
using System.Text.RegularExpressions;

namespace DeepForge.Server.Api;

/// <summary>
/// Says what is wrong with a request body in the words of its JSON (fields and their paths), never in .NET's: the
/// serializer's own messages name CLR types (<c>System.Collections.Generic.List`1[...]</c>) that mean nothing to a client.
/// </summary>
internal static partial class JsonErrors
{
    public static string Describe(JsonException e)
    {
        var message = e.Message;
        if (MissingFields().Match(message) is { Success: true } missing) return $"required fields are missing: {missing.Groups[1].Value}";
        if (NullField().Match(message) is { Success: true } nulled) return $"'{nulled.Groups[1].Value}' cannot be null";
        if (message.Contains("could not be converted", StringComparison.Ordinal) && e.Path != null)
            return e.Path == "$" ? "send a JSON object" : $"{e.Path}: the value has the wrong JSON type";
        var at = e.LineNumber is { } line ? $" (line {line + 1}, byte {e.BytePositionInLine + 1})" : "";
        return $"it is not a valid JSON document{(e.Path is { Length: > 0 } path ? $" at {path}" : "")}{at}";
    }

    [GeneratedRegex(@"missing required properties including: (.+?)\.?$", RegexOptions.Multiline)]
    private static partial Regex MissingFields();

    [GeneratedRegex(@"property or field '([^']+)'.*null", RegexOptions.Singleline)]
    private static partial Regex NullField();
}
