using DeepForge.Projects;
using DeepForge.Torch.Data;

namespace DeepForge.Torch.Hosting;

/// <summary>Trained <see cref="Data.Model"/> artifacts of projects, loaded to predict in the app that embeds DeepForge: <c>forge.Models.LoadAsync(project, artifact)</c>.</summary>
public sealed class ModelService
{
    private readonly ArtifactService _artifacts;

    internal ModelService(ArtifactService artifacts) => _artifacts = artifacts;

    /// <summary>Loads a model artifact, by id or (the newest of) name, ready to predict.</summary>
    /// <exception cref="DeepForgeException">The project or artifact does not exist, the artifact is no model, or its data cannot be read.</exception>
    public async Task<Predictor> LoadAsync(string project, string artifact, CancellationToken cancellationToken = default)
    {
        var all = await _artifacts.ListAsync(project, cancellationToken);
        var found = all.FirstOrDefault(a => a.Id == artifact) ?? await _artifacts.FindAsync(project, artifact, cancellationToken)
            ?? throw new DeepForgeException($"project '{project}'", $"project '{project}' has no artifact '{artifact}'");
        if (found.DataType != typeof(Model).FullName)
            throw new DeepForgeException($"artifact '{found.Name}'", $"artifact '{found.Name}' of project '{project}' is a {found.DataType.Split('.')[^1]}, not a Model; load a Model artifact (a Train operation's output)");
        var model = await _artifacts.ReadAsync<Model>(found, cancellationToken);
        return new Predictor(model);
    }
}
