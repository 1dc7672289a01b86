#!/usr/bin/env bash
# The whole test suite, exactly as CI runs it (.ci/run calls this script).
# Installs what the tests need, at pinned versions, then runs `swift test`.
set -euo pipefail
cd "$(dirname "$0")/.."

# libyaml: the YAML target links the system library (Debian: libyaml-dev).
if ! pkg-config --exists yaml-0.1 2>/dev/null; then
  if [ "$(id -u)" -ne 0 ]; then
    echo "error: libyaml is missing; install it with: sudo apt-get install libyaml-dev pkg-config" >&2
    exit 1
  fi
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq libyaml-dev pkg-config >/dev/null
fi

# node runs the handler templates' tests (node --test); Debian's nodejs is recent enough.
if ! command -v node >/dev/null 2>&1; then
  if [ "$(id -u)" -ne 0 ]; then
    echo "error: node is missing; install Node.js 18 or later" >&2
    exit 1
  fi
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nodejs >/dev/null
fi

# The independent oracles the tests run (PyYAML as a YAML 1.1 reader, cfn-lint, moto), at the
# pinned versions, in a virtual environment of their own: a system Python that refuses pip
# installs (PEP 668, as Debian 12's does) is left alone. It sees the system's packages, so pip
# leaves pinned requirements that are already satisfied alone; the tests find its python3 first.
if ! python3 -c 'import venv, ensurepip' >/dev/null 2>&1; then
  if [ "$(id -u)" -ne 0 ]; then
    echo "error: Python's venv module is missing; install it with: sudo apt-get install python3-venv" >&2
    exit 1
  fi
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-venv >/dev/null
fi
oracles=.build/oracles
python3 -m venv --system-site-packages "$oracles"
"$oracles/bin/python3" -m pip install --quiet --disable-pip-version-check -r Tests/Oracles/requirements.txt
export PATH="$PWD/$oracles/bin:$PATH"

# checkov, the security scanner CheckovTests runs, pins its own boto3, which cannot share the
# oracles' environment (moto's boto3): it gets one of its own, without the system's packages.
scanner=.build/checkov
python3 -m venv "$scanner"
"$scanner/bin/python3" -m pip install --quiet --disable-pip-version-check -r Tests/Oracles/checkov-requirements.txt

swift test "$@"
