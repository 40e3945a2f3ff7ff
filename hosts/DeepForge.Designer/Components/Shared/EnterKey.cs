using Microsoft.AspNetCore.Components.Web;

namespace DeepForge.Designer.Components.Shared;

/// <summary>
/// Enter in a name field does what the field's button does. A key handler rather than a form: the buttons keep
/// their own Click, so a click and Enter run the same code and no browser submit can reload the page.
/// </summary>
internal static class EnterKey
{
    /// <summary>Runs <paramref name="submit"/> when the key is Enter (either one), once per press (not on a held key's repeats).</summary>
    public static Task Submits(KeyboardEventArgs key, Func<Task> submit) =>
        key.Key is "Enter" or "NumpadEnter" && !key.Repeat ? submit() : Task.CompletedTask;

    /// <inheritdoc cref="Submits(KeyboardEventArgs, Func{Task})"/>
    public static Task Submits(KeyboardEventArgs key, Action submit) =>
        Submits(key, () => { submit(); return Task.CompletedTask; });
}
