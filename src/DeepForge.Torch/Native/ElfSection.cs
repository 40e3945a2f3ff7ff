namespace DeepForge.Torch.Native;

// The fields of an ELF64 section header that ElfVersionPatcher needs.
internal readonly record struct ElfSection(uint NameOffset, uint Type, ulong Offset, ulong Size, uint Link, uint Info)
{
    // The section's end clamped to the file, so corrupt sizes cannot overflow or over-read.
    public ulong EndWithin(int fileLength) =>
        Offset >= (ulong)fileLength ? (ulong)fileLength : Offset + Math.Min(Size, (ulong)fileLength - Offset);
}
