using System.Collections;
using System.Text.Json;
using DeepForge.Feedback;

namespace DeepForge.Designer.Artifacts.Viewing;

/// <summary>Turns a plain .NET value read from an artifact into what the viewer shows; lists and tables stop at <see cref="MaxItems"/>.</summary>
internal static class ValuePreviews
{
    public const int MaxItems = 1000;

    public static ArtifactPreview Of(object value) => value switch
    {
        string text => new TextPreview(text),
        ImageData image => new ImagePreview(image.ToPng()),
        JsonElement { ValueKind: JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False } element => new ScalarPreview(element.GetRawText()),
        JsonElement element => new TextPreview(JsonSerializer.Serialize(element, Data.Json.Indented)),
        _ when PreviewFormat.IsScalar(value) => new ScalarPreview(PreviewFormat.Scalar(value)),
        IDictionary dictionary => Table(dictionary),
        IEnumerable items => List(items),
        _ => new TextPreview(PreviewFormat.Indented(value)),
    };

    private static TablePreview Table(IDictionary dictionary)
    {
        var rows = new List<PreviewRow>();
        foreach (DictionaryEntry entry in dictionary)
        {
            if (rows.Count == MaxItems) break;
            rows.Add(new PreviewRow(PreviewFormat.Item(entry.Key), PreviewFormat.Item(entry.Value)));
        }
        return new TablePreview(rows, dictionary.Count);
    }

    private static ListPreview List(IEnumerable items)
    {
        var shown = new List<string>();
        long total = 0;
        foreach (var item in items)
            if (total++ < MaxItems) shown.Add(PreviewFormat.Item(item));
        return new ListPreview(shown, total);
    }
}
