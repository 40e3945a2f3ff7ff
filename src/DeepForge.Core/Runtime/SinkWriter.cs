using System.Text;
using DeepForge.Feedback;

namespace DeepForge.Runtime;

/// <summary>A text writer that hands what is written to a job's sink.</summary>
public sealed class SinkWriter(IFeedbackSink sink) : TextWriter
{
    public override Encoding Encoding => Encoding.UTF8;
    public override void Write(char value) => sink.Log(value.ToString());
    public override void Write(string? value) { if (!string.IsNullOrEmpty(value)) sink.Log(value); }
    public override void Write(char[] buffer, int index, int count) => sink.Log(new string(buffer, index, count));
    public override void WriteLine(string? value) => sink.Log((value ?? "") + "\n");
}
