using Microsoft.AspNetCore.Components.Server.Circuits;

namespace DeepForge.Designer.Collaboration;

/// <summary>
/// One circuit's part in <see cref="ProjectPresence"/>: the project its page shows and who is signed in to it. The
/// circuit's connection decides: a tab that closes or loses its connection leaves at once (Blazor keeps a
/// disconnected circuit for minutes, in case it comes back), one that reconnects is present again.
/// </summary>
internal sealed class PresenceCircuit(ProjectPresence presence) : CircuitHandler
{
    private readonly Lock _lock = new();
    private (string Project, string Person)? _open;
    private bool _connected = true;

    /// <summary>The page now shows <paramref name="project"/> to <paramref name="person"/>; null when it shows no project.</summary>
    public void Show(string? project, string? person)
    {
        lock (_lock)
        {
            var next = project != null && person != null ? (project, person) : ((string, string)?)null;
            if (_open == next) return;
            if (_open is { } was && _connected) presence.Leave(was.Project, this);
            _open = next;
            if (next is { } now && _connected) presence.Enter(now.Item1, this, now.Item2);
        }
    }

    public override Task OnConnectionDownAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        Connect(false);
        return Task.CompletedTask;
    }

    public override Task OnConnectionUpAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        Connect(true);
        return Task.CompletedTask;
    }

    public override Task OnCircuitClosedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        Show(null, null);
        return Task.CompletedTask;
    }

    private void Connect(bool connected)
    {
        lock (_lock)
        {
            if (_connected == connected) return;
            _connected = connected;
            if (_open is not { } open) return;
            if (connected) presence.Enter(open.Project, this, open.Person);
            else presence.Leave(open.Project, this);
        }
    }
}
