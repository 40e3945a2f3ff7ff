using DeepForge.Feedback;

namespace DeepForge.Cli.Remote;

/// <summary>Feedback events of a node after a sequence number, and the last sequence to ask after next time.</summary>
internal sealed record RemoteFeedbackPage(IReadOnlyList<SequencedFeedback> Entries, long Last);
