using DeepForge.Api;
using DeepForge.Designer.Access;
using DeepForge.Schedules;
using Microsoft.AspNetCore.Components;

namespace DeepForge.Designer.Schedules;

/// <summary>The schedule panel of the pipeline page; reads the schedules again every two seconds (fires happen on the server meanwhile).</summary>
public sealed partial class SchedulePanel
{
    private List<ScheduleView> _schedules = [];
    private string _cron = "";
    private string _missed = "run-once";
    private string? _addProblem;
    private bool _adding;
    private Timer? _timer;

    [Inject] private ScheduleService Schedules { get; set; } = default!;

    [Inject] private DesignerAccess Access { get; set; } = default!;

    /// <summary>The project.</summary>
    [Parameter, EditorRequired] public string Project { get; set; } = "";

    /// <summary>The pipeline whose schedules are shown and added.</summary>
    [Parameter, EditorRequired] public string Pipeline { get; set; } = "";

    /// <summary>Whether the person may add, pause, resume and remove (an editor).</summary>
    [Parameter] public bool CanEdit { get; set; }

    // Checked as the person types, with the words the command and the API use.
    private string? CronProblem
    {
        get
        {
            try { ScheduleService.CheckCron(_cron); return null; }
            catch (DeepForgeException e) { return e.Message; }
        }
    }

    /// <inheritdoc />
    protected override async Task OnParametersSetAsync()
    {
        await LoadAsync(CancellationToken.None);
        _timer ??= new Timer(_ => InvokeAsync(RefreshAsync), null, 2000, 2000);
    }

    private async Task LoadAsync(CancellationToken cancellationToken) =>
        _schedules = (await Schedules.ListAsync(Project, cancellationToken)).Where(s => s.Pipeline == Pipeline).ToList();

    private async Task RefreshAsync()
    {
        try { await LoadAsync(CancellationToken.None); StateHasChanged(); }
        catch (Exception) { /* the next tick tries again */ }
    }

    private async Task AddAsync()
    {
        _adding = true;
        try
        {
            var person = (await Access.PersonAsync())?.Name;
            await Schedules.AddAsync(Project, new AddScheduleRequest(Pipeline, _cron, Missed: _missed), person, CancellationToken.None);
            (_cron, _addProblem) = ("", null);
            await LoadAsync(CancellationToken.None);
        }
        catch (DeepForgeException e)
        {
            _addProblem = e.Message;
        }
        finally { _adding = false; }
    }

    private async Task SetPausedAsync(ScheduleView schedule, bool paused)
    {
        await Schedules.SetPausedAsync(Project, schedule.Id, paused, CancellationToken.None);
        await LoadAsync(CancellationToken.None);
    }

    private async Task RemoveAsync(ScheduleView schedule)
    {
        await Schedules.RemoveAsync(Project, schedule.Id, CancellationToken.None);
        await LoadAsync(CancellationToken.None);
    }

    /// <inheritdoc />
    public void Dispose() => _timer?.Dispose();
}
