namespace DeepForge.Torch.Images;

/// <summary>One image of a class folder: its path as the user sees it (for errors), its class and how to read its bytes.</summary>
internal sealed record ImageFile(string Name, string Class, Func<Stream> Open);
