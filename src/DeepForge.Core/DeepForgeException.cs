namespace DeepForge;

/// <summary>DeepForge's own error: one or more problems, each naming where it is.</summary>
public sealed class DeepForgeException : Exception
{
    /// <summary>An error of one problem.</summary>
    public DeepForgeException(Problem problem) : this([problem]) { }

    /// <summary>An error of several problems.</summary>
    public DeepForgeException(IReadOnlyList<Problem> problems, Exception? inner = null)
        : base(string.Join(Environment.NewLine, problems.Select(p => p.ToString())), inner) => Problems = problems;

    /// <summary>An error with a message and where it is.</summary>
    public DeepForgeException(string location, string message, Exception? inner = null)
        : this([new Problem(location, message)], inner) { }

    /// <summary>What is wrong, and where.</summary>
    public IReadOnlyList<Problem> Problems { get; }
}
