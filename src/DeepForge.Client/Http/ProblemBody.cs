using System.Text.Json;

namespace DeepForge.Client.Http;

/// <summary>The server's one line from an error answer: a problem document's <c>detail</c>, else the text (cut short), else nothing.</summary>
internal static class ProblemBody
{
    private const int MaxText = 500;

    public static async Task<string?> ReadAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        string text;
        try
        {
            text = (await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false)).Trim();
        }
        catch (Exception e) when (e is HttpRequestException or IOException)
        {
            return null;
        }
        if (text.Length == 0) return null;
        // The rest of a problem document (type, trace id) is noise in a person's terminal or a worker's log.
        return Detail(text) ?? (text.Length > MaxText ? text[..MaxText] + "..." : text);
    }

    private static string? Detail(string text)
    {
        try
        {
            using var document = JsonDocument.Parse(text);
            return document.RootElement.ValueKind == JsonValueKind.Object && document.RootElement.TryGetProperty("detail", out var detail)
                && detail.ValueKind == JsonValueKind.String ? detail.GetString() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
