// Where Monaco's AMD loader finds its files (the loader reads this global when it starts, so this script goes first).
// The files are BlazorMonaco's copy of Monaco; the editors themselves are ours (codeeditor.js).
var require = { paths: { vs: '_content/BlazorMonaco/lib/monaco-editor/min/vs' } };
