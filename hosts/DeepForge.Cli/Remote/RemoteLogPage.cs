namespace DeepForge.Cli.Remote;

/// <summary>Log entries of a node after a sequence number, and the last sequence to ask after next time.</summary>
internal sealed record RemoteLogPage(IReadOnlyList<RemoteLogEntry> Entries, long Last);

/// <summary>One log entry.</summary>
internal sealed record RemoteLogEntry(long Sequence, string Text);
