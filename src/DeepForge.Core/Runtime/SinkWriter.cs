using System.Text;
using DeepForge.Feedback;

namespace DeepForge.Runtime;

/// <summary>A text writer that hands what is written to a job's sink.</summary>
public sealed class SinkWriter(IFeedbackSink sink) : TextWriter
{
    /// <summary>UTF-8: the text goes to the sink as strings.</summary>
    public override Encoding Encoding => Encoding.UTF8;
    /// <summary>Logs one character to the sink.</summary>
    public override void Write(char value) => sink.Log(value.ToString());
    /// <summary>Logs the text to the sink; null or empty text logs nothing.</summary>
    public override void Write(string? value) { if (!string.IsNullOrEmpty(value)) sink.Log(value); }
    /// <summary>Logs the characters to the sink.</summary>
    public override void Write(char[] buffer, int index, int count) => sink.Log(new string(buffer, index, count));
    /// <summary>Logs the text and a newline to the sink.</summary>
    public override void WriteLine(string? value) => sink.Log((value ?? "") + "\n");
}
