#!/usr/bin/env bash
# Packs DeepForge's packages into artifacts/packages, the local feed that nuget.config names:
# DeepForge.Core, DeepForge.Compilation, DeepForge.Runner.Protocol, DeepForge.Api, DeepForge.Client, DeepForge.Torch, the stores (DeepForge.Storage.Sqlite, .PostgreSql, .MongoDb),
# DeepForge.Testing, the deepforge tool, and the DeepForge.Templates template package.
#   ./pack.sh            everything
#   ./pack.sh --no-tool  everything but the (large: libtorch) tool package
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
out="$root/artifacts/packages"
mkdir -p "$out"
projects=(
  src/DeepForge.Core/DeepForge.Core.csproj
  src/DeepForge.Compilation/DeepForge.Compilation.csproj
  src/DeepForge.Runner.Protocol/DeepForge.Runner.Protocol.csproj
  src/DeepForge.Api/DeepForge.Api.csproj
  src/DeepForge.Client/DeepForge.Client.csproj
  src/DeepForge.Torch/DeepForge.Torch.csproj
  src/DeepForge.Storage.Sqlite/DeepForge.Storage.Sqlite.csproj
  src/DeepForge.Storage.PostgreSql/DeepForge.Storage.PostgreSql.csproj
  src/DeepForge.Storage.MongoDb/DeepForge.Storage.MongoDb.csproj
  src/DeepForge.Testing/DeepForge.Testing.csproj
  templates/DeepForge.Templates/DeepForge.Templates.csproj
)
if [ "${1:-}" != "--no-tool" ]; then projects+=(hosts/DeepForge.Cli/DeepForge.Cli.csproj); fi
for p in "${projects[@]}"; do
  echo "pack: $p" >&2
  dotnet pack "$root/$p" -c Release -o "$out" -nologo -v quiet
done
ls -1 "$out"/*.nupkg
