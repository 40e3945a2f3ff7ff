using System.Buffers.Binary;
using System.Text;

namespace DeepForge.Torch.Native;

// Marks a symbol-version requirement of an ELF64 little-endian shared library as weak, so the
// dynamic loader accepts the library even when the dependency lacks that version (DESIGN.md,
// decision 9). Pure byte manipulation: the caller reads and writes the file.
//
// Layout used (System V gABI, GNU symbol versioning):
//   ELF header: e_shoff @0x28 (u64), e_shentsize @0x3A, e_shnum @0x3C, e_shstrndx @0x3E (u16).
//   Section header (64 bytes): sh_name @0, sh_type @4, sh_offset @24, sh_size @32, sh_link @40,
//   sh_info @44 (number of Verneed entries for .gnu.version_r).
//   Verneed (16 bytes): vn_cnt @2 (u16), vn_file @4, vn_aux @8, vn_next @12 (u32, relative).
//   Vernaux (16 bytes): vna_flags @4 (u16), vna_name @8, vna_next @12 (u32, relative).
//   Names are offsets into the string table section that .gnu.version_r's sh_link points to.
internal sealed class ElfVersionPatcher
{
    public const ushort VerFlagWeak = 0x2;

    private const string VersionNeedsSection = ".gnu.version_r";
    private const uint ShtGnuVerneed = 0x6ffffffe;
    private const ushort ShnXindex = 0xffff;
    private const int ElfHeaderSize = 64;
    private const int SectionHeaderSize = 64;
    private const int VerneedSize = 16;
    private const int VernauxSize = 16;

    private ElfVersionPatcher()
    {
    }

    // Sets VER_FLG_WEAK on every Vernaux entry named versionName, in place. Returns false when
    // all of them were weak already (an already patched file), true when a byte changed.
    // Throws InvalidDataException when the file is not ELF64 little-endian, is malformed, has no
    // .gnu.version_r section, or does not require versionName at all.
    public static bool MarkVersionWeak(Span<byte> elf, string versionName)
    {
        ArgumentException.ThrowIfNullOrEmpty(versionName);
        var matches = ReadVersionRequirements(elf).Where(r => r.Name == versionName).ToList();
        if (matches.Count == 0)
        {
            throw new InvalidDataException(
                $"The ELF file does not require symbol version '{versionName}': no entry of its {VersionNeedsSection} section names it.");
        }

        var changed = false;
        foreach (var requirement in matches)
        {
            if (requirement.IsWeak)
            {
                continue;
            }

            BinaryPrimitives.WriteUInt16LittleEndian(
                elf.Slice(requirement.FlagsOffset, 2), (ushort)(requirement.Flags | VerFlagWeak));
            changed = true;
        }

        return changed;
    }

    // Lists every Vernaux entry of .gnu.version_r in file order.
    public static IReadOnlyList<ElfVersionRequirement> ReadVersionRequirements(ReadOnlySpan<byte> elf)
    {
        CheckHeader(elf);
        var sections = ReadSectionTable(elf);
        var names = sections.StringTable;

        ElfSection? verneed = null;
        foreach (var section in sections.All)
        {
            if (ReadString(elf, names, section.NameOffset, "section name") == VersionNeedsSection)
            {
                verneed = section;
                break;
            }
        }

        if (verneed is not { } needs)
        {
            throw new InvalidDataException(
                $"The ELF file has no {VersionNeedsSection} section, so it requires no symbol versions that could be marked weak.");
        }

        if (needs.Type != ShtGnuVerneed)
        {
            throw new InvalidDataException(
                $"The ELF section {VersionNeedsSection} has type 0x{needs.Type:x}, expected SHT_GNU_verneed (0x{ShtGnuVerneed:x}).");
        }

        if (needs.Link >= sections.All.Count)
        {
            throw new InvalidDataException(
                $"The ELF section {VersionNeedsSection} links to string table section {needs.Link}, but the file has only {sections.All.Count} sections.");
        }

        if (needs.Offset >= (ulong)elf.Length)
        {
            throw new InvalidDataException(
                $"The ELF section {VersionNeedsSection} starts at offset 0x{needs.Offset:x}, beyond the end of the {elf.Length}-byte file.");
        }

        var strings = sections.All[(int)needs.Link];
        var result = new List<ElfVersionRequirement>();
        var needOffset = (long)needs.Offset;
        for (uint i = 0; i < needs.Info; i++)
        {
            RequireInside(elf, needs, needOffset, VerneedSize, $"Verneed entry {i}");
            var need = elf.Slice((int)needOffset, VerneedSize);
            var auxCount = BinaryPrimitives.ReadUInt16LittleEndian(need[2..]);
            var file = ReadString(elf, strings, BinaryPrimitives.ReadUInt32LittleEndian(need[4..]), $"file name of Verneed entry {i}");
            var auxOffset = needOffset + BinaryPrimitives.ReadUInt32LittleEndian(need[8..]);
            for (var j = 0; j < auxCount; j++)
            {
                RequireInside(elf, needs, auxOffset, VernauxSize, $"Vernaux entry {j} of Verneed entry {i} ({file})");
                var aux = elf.Slice((int)auxOffset, VernauxSize);
                var flags = BinaryPrimitives.ReadUInt16LittleEndian(aux[4..]);
                var name = ReadString(elf, strings, BinaryPrimitives.ReadUInt32LittleEndian(aux[8..]), $"name of Vernaux entry {j} of {file}");
                result.Add(new ElfVersionRequirement(file, name, flags, (int)auxOffset + 4));
                var auxNext = BinaryPrimitives.ReadUInt32LittleEndian(aux[12..]);
                if (auxNext == 0)
                {
                    break;
                }

                auxOffset += auxNext;
            }

            var next = BinaryPrimitives.ReadUInt32LittleEndian(need[12..]);
            if (next == 0)
            {
                break;
            }

            needOffset += next;
        }

        return result;
    }

    private static void CheckHeader(ReadOnlySpan<byte> elf)
    {
        if (elf.Length < ElfHeaderSize || elf[0] != 0x7f || elf[1] != (byte)'E' || elf[2] != (byte)'L' || elf[3] != (byte)'F')
        {
            throw new InvalidDataException("The file is not an ELF file: it does not start with the bytes 0x7F 'E' 'L' 'F'.");
        }

        if (elf[4] != 2)
        {
            throw new InvalidDataException($"The ELF file is not 64-bit: EI_CLASS is {elf[4]}, expected 2 (ELFCLASS64).");
        }

        if (elf[5] != 1)
        {
            throw new InvalidDataException($"The ELF file is not little-endian: EI_DATA is {elf[5]}, expected 1 (ELFDATA2LSB).");
        }
    }

    private static (IReadOnlyList<ElfSection> All, ElfSection StringTable) ReadSectionTable(ReadOnlySpan<byte> elf)
    {
        var tableOffset = BinaryPrimitives.ReadUInt64LittleEndian(elf[0x28..]);
        var entrySize = BinaryPrimitives.ReadUInt16LittleEndian(elf[0x3A..]);
        long count = BinaryPrimitives.ReadUInt16LittleEndian(elf[0x3C..]);
        long namesIndex = BinaryPrimitives.ReadUInt16LittleEndian(elf[0x3E..]);
        if (tableOffset == 0)
        {
            throw new InvalidDataException("The ELF file has no section header table (e_shoff is 0).");
        }

        if (entrySize < SectionHeaderSize)
        {
            throw new InvalidDataException($"The ELF section header size e_shentsize is {entrySize}, expected at least {SectionHeaderSize}.");
        }

        if (tableOffset > (ulong)elf.Length - SectionHeaderSize)
        {
            throw new InvalidDataException($"The ELF section header table offset 0x{tableOffset:x} lies beyond the end of the {elf.Length}-byte file.");
        }

        // With 0xff00 sections or more the real count and name-table index live in section 0.
        var first = ReadSection(elf, (long)tableOffset);
        if (count == 0)
        {
            count = (long)first.Size;
        }

        if (namesIndex == ShnXindex)
        {
            namesIndex = first.Link;
        }

        if ((long)tableOffset + (count * entrySize) > elf.Length)
        {
            throw new InvalidDataException(
                $"The ELF section header table ({count} entries of {entrySize} bytes at 0x{tableOffset:x}) extends beyond the end of the {elf.Length}-byte file.");
        }

        var all = new List<ElfSection>((int)count);
        for (long i = 0; i < count; i++)
        {
            all.Add(ReadSection(elf, (long)tableOffset + (i * entrySize)));
        }

        if (namesIndex >= count)
        {
            throw new InvalidDataException($"The ELF section name table index e_shstrndx is {namesIndex}, but the file has only {count} sections.");
        }

        return (all, all[(int)namesIndex]);
    }

    private static ElfSection ReadSection(ReadOnlySpan<byte> elf, long offset)
    {
        var header = elf.Slice((int)offset, SectionHeaderSize);
        return new ElfSection(
            NameOffset: BinaryPrimitives.ReadUInt32LittleEndian(header),
            Type: BinaryPrimitives.ReadUInt32LittleEndian(header[4..]),
            Offset: BinaryPrimitives.ReadUInt64LittleEndian(header[24..]),
            Size: BinaryPrimitives.ReadUInt64LittleEndian(header[32..]),
            Link: BinaryPrimitives.ReadUInt32LittleEndian(header[40..]),
            Info: BinaryPrimitives.ReadUInt32LittleEndian(header[44..]));
    }

    private static void RequireInside(ReadOnlySpan<byte> elf, ElfSection section, long offset, int length, string what)
    {
        var end = (long)section.EndWithin(elf.Length);
        if (offset < (long)section.Offset || offset + length > end)
        {
            throw new InvalidDataException(
                $"The ELF {VersionNeedsSection} section is malformed: {what} at offset 0x{offset:x} lies outside the section (0x{section.Offset:x} to 0x{end:x}).");
        }
    }

    private static string ReadString(ReadOnlySpan<byte> elf, ElfSection table, uint index, string what)
    {
        var end = table.EndWithin(elf.Length);
        var start = table.Offset + index;
        if (index >= table.Size || table.Offset >= end || start >= end)
        {
            throw new InvalidDataException(
                $"The ELF file is malformed: the {what} at string table index {index} lies outside its string table (size {table.Size}).");
        }

        var bytes = elf[(int)start..(int)end];
        var length = bytes.IndexOf((byte)0);
        if (length < 0)
        {
            throw new InvalidDataException($"The ELF file is malformed: the {what} at string table index {index} is not NUL-terminated.");
        }

        return Encoding.UTF8.GetString(bytes[..length]);
    }
}
