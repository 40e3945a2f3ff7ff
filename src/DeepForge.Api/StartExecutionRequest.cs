using System.Text.Json;

namespace DeepForge.Api;

/// <summary>
/// Runs a pipeline: <see cref="Inputs"/> maps Input node ids to artifacts (an id, or a name meaning the newest),
/// <see cref="Attributes"/> sets attribute values for this run only (node id to attribute to value).
/// </summary>
public sealed record StartExecutionRequest(
    string Pipeline,
    Dictionary<string, string>? Inputs = null,
    Dictionary<string, Dictionary<string, JsonElement>>? Attributes = null,
    bool? UseCache = null);
