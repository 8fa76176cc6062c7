"""Shared by the packaging tests (image, release archives, MCPB bundle): where the release binary
and the repository are, and a timer that prints what each packaging step costs.

The release binary comes from $ZSCALER_MCP_RELEASE_BIN (scripts/test.sh builds it and sets it),
else $CARGO_TARGET_DIR/release/zscaler-mcp, else ~/.cache/zscaler-mcp/target/release/zscaler-mcp.
Under CI (CI=true) a missing binary fails the test; elsewhere it skips with the command to run.
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[3]
CACHE = Path(os.environ.get("ZSCALER_MCP_CACHE", Path.home() / ".cache" / "zscaler-mcp"))

BUILD_HINT = "cargo build --release -p zscaler-mcp --bin zscaler-mcp (CARGO_TARGET_DIR=~/.cache/zscaler-mcp/target)"


def release_bin() -> str:
    candidates = []
    if os.environ.get("ZSCALER_MCP_RELEASE_BIN"):
        candidates.append(Path(os.environ["ZSCALER_MCP_RELEASE_BIN"]))
    else:
        if os.environ.get("CARGO_TARGET_DIR"):
            candidates.append(Path(os.environ["CARGO_TARGET_DIR"]) / "release" / "zscaler-mcp")
        candidates.append(CACHE / "target" / "release" / "zscaler-mcp")
    for path in candidates:
        if path.is_file() and os.access(path, os.X_OK):
            return str(path)
    message = f"no release binary at {', '.join(map(str, candidates))}: run {BUILD_HINT} or set ZSCALER_MCP_RELEASE_BIN"
    if os.environ.get("CI"):
        pytest.fail(message)
    pytest.skip(message)


def cargo_version() -> str:
    """The workspace version in Cargo.toml ([workspace.package] version)."""
    import tomllib

    with open(REPO / "Cargo.toml", "rb") as f:
        return tomllib.load(f)["workspace"]["package"]["version"]


@contextmanager
def timed(what: str) -> Iterator[None]:
    """Report how long a packaging step took: on stderr (pytest -s or -rA shows it) and, when
    $ZSCALER_MCP_TIMINGS names a file, appended to it (scripts/test.sh prints that file)."""
    start = time.monotonic()
    try:
        yield
    finally:
        line = f"{what}: {time.monotonic() - start:.1f} s"
        print(f"[timing] {line}", file=sys.stderr)
        if os.environ.get("ZSCALER_MCP_TIMINGS"):
            with open(os.environ["ZSCALER_MCP_TIMINGS"], "a", encoding="utf-8") as f:
                f.write(line + "\n")
