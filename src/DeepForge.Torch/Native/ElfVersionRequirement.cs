namespace DeepForge.Torch.Native;

// One Vernaux entry of an ELF file's .gnu.version_r section: a symbol version (Name, e.g.
// "GLIBCXX_3.4.32") the file needs from a dependency (File, e.g. "libstdc++.so.6").
// FlagsOffset is where the entry's two-byte little-endian vna_flags sits in the file, so a
// caller can check that patching touched nothing else.
internal readonly record struct ElfVersionRequirement(string File, string Name, ushort Flags, int FlagsOffset)
{
    public bool IsWeak => (Flags & ElfVersionPatcher.VerFlagWeak) != 0;
}
