#!/usr/bin/env bash
# Installs what the tests need and runs every test. On a fresh Debian 12 machine with the .NET 10
# SDK this is all the set-up there is.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

# Real Fashion-MNIST for the training tests, from Debian's own package.
if [ ! -f /usr/share/datasets/fashion-mnist/train-images-idx3-ubyte.gz ]; then
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq dataset-fashion-mnist
fi

# Debian's Chromium for the designer's browser tests (Playwright drives it; no browser download).
if [ ! -x /usr/bin/chromium ]; then
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium
fi

# Debian's PostgreSQL 15 for the PostgreSQL store's tests: they start a throwaway cluster of their own with its
# initdb and pg_ctl (as the postgres user, which the package creates), so no server of the package is needed running.
if [ ! -x /usr/lib/postgresql/15/bin/initdb ]; then
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql
fi

# Debian's PyTorch (1.13) for the tests that load an exported state_dict into PyTorch's own modules.
if ! /usr/bin/python3 -c "import torch" 2>/dev/null; then
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends python3-torch
fi

dotnet build DeepForge.sln -c Release -nologo -v quiet -clp:ErrorsOnly
# The integration tests drive the command as a user would: ./deepforge builds it into artifacts/cli.
./deepforge --version

# One test project at a time (-m:1): the designer's browsers and the training tests each need the two
# cores, and run side by side they starve each other into timeouts.
log=$(mktemp)
trap 'rm -f "$log"' EXIT
status=0
dotnet test DeepForge.sln -c Release --no-build -nologo -v minimal -m:1 2>&1 | tee "$log" || status=$?

# One closing line over every test project, in the plain form CI reads.
awk '/(Passed|Failed)!/ { for (i = 1; i <= NF; i++) { if ($i == "Failed:") f += $(i+1); if ($i == "Passed:") p += $(i+1); if ($i == "Skipped:") s += $(i+1) } }
     END { printf "Tests: %d passed, %d failed, %d skipped\n", p, f, s }' "$log"
exit $status
