"""Crash safety at scale: SIGKILL at random points of the write sequence (timed on how far the write-ahead
log and the backups have grown, not on the clock) during import, bundle import (firms; and the ledger's
actuals, scans and applications), letter issue, backup, restore, saving and the 兑现 ledger's writes (claims
paid in tranches). Nothing confirmed may be lost,
nothing partial may remain, the file passes the full check.

The default run takes a sample of about 100 kills; `pytest -m slow` (or `--run-slow`) over 1,000.
"""

from __future__ import annotations

import json
import os
import random
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

import pytest

from tests.faults import kill_scenarios as ks
from tests.faults.ledger import record

ROOT = Path(__file__).resolve().parents[2]
SCENARIOS = tuple(ks.CHILDREN)
SAMPLE = 15  # per scenario: 8 × 15 = 120 kills in every run
CAMPAIGN = 150  # per scenario under the slow marker: 1,200 kills
WATCH_LIMIT_S = 120.0  # a child that neither finishes nor grows is a failure, not a hang


class Zygote:
    """The fork server (tests/faults/zygote.py), talked to over its stdin and stdout."""

    def __init__(self) -> None:
        env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT)}
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "tests.faults.zygote"],
            cwd=ROOT, env=env, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
        )  # fmt: skip
        assert self._read().get("ready")

    def _read(self) -> dict[str, Any]:
        out: IO[str] | None = self.proc.stdout
        assert out is not None
        line = out.readline()
        if not line:
            raise RuntimeError(f"the fork server stopped (exit {self.proc.poll()})")
        return dict(json.loads(line))

    def _send(self, message: dict[str, Any]) -> dict[str, Any]:
        assert self.proc.stdin is not None
        self.proc.stdin.write(json.dumps(message) + "\n")
        self.proc.stdin.flush()
        return self._read()

    def run(self, scenario: str, folder: Path, arg: str, log: Path) -> int:
        return int(self._send({"run": scenario, "folder": str(folder), "arg": arg, "log": str(log)})["pid"])

    def wait(self, pid: int) -> int:
        return int(self._send({"wait": pid})["status"])

    def close(self) -> None:
        if self.proc.stdin is not None:
            self.proc.stdin.close()
        self.proc.wait(timeout=30)


@pytest.fixture(scope="session")
def zygote() -> Iterator[Zygote]:
    if os.name != "posix":
        pytest.skip("fork and SIGKILL")
    server = Zygote()
    yield server
    server.close()


def _watch(pid: int, folder: Path, log: Path, threshold: int | None, ops: int = 0) -> int:
    """Kill the child once it has written `threshold` bytes (or logged `ops` commits); the bytes it had
    written when killed, or -1 when it finished by itself."""
    started = time.monotonic()
    polls = 0
    while time.monotonic() - started < WATCH_LIMIT_S:
        grown = ks.progress(folder)
        if threshold is not None and grown >= threshold:
            os.kill(pid, signal.SIGKILL)
            return grown
        polls += 1
        if polls % 25 == 0:
            lines = ks.read_log(log)
            if any(line.startswith("error") for line in lines):
                pytest.fail(f"the child failed: {ks.describe(lines)}")
            if ops and sum(1 for line in lines if line.split(" ")[0] in ks.COMMITS) >= ops:
                os.kill(pid, signal.SIGKILL)
                return ks.progress(folder)
            if "done" in lines:
                return -1
        time.sleep(0.0002)
    os.kill(pid, signal.SIGKILL)
    pytest.fail(f"the child neither finished nor reached {threshold} bytes in {WATCH_LIMIT_S} s")


def _attempt(
    zygote: Zygote, scenario: str, template: ks.Template, work: Path, n: int, **watch: Any
) -> tuple[int, list[str]]:
    folder, log = work / f"run{n}", work / f"run{n}.log"
    ks.fresh_copy(template, folder)
    pid = zygote.run(scenario, folder, template.arg, log)
    try:
        grown = _watch(pid, folder, log, **watch)
    finally:
        zygote.wait(pid)
    return grown, ks.read_log(log)


def _calibrate(zygote: Zygote, scenario: str, template: ks.Template, work: Path) -> int:
    """How many bytes a whole attempt writes: one import run to its end, or four commits of a loop."""
    if scenario in ks.IMPORTS:
        _, lines = _attempt(zygote, scenario, template, work, -1, threshold=None)
        assert "committed" in lines, lines
        return max(1, int(ks.progress(work / "run-1") * 1.1))
    # four commits of a loop; the ledger's first payment comes after four other steps of the claim
    grown, _ = _attempt(
        zygote, scenario, template, work, -1, threshold=None, ops=12 if scenario == "ledger writes" else 4
    )
    return max(1, grown if grown > 0 else ks.progress(work / "run-1"))  # finished first: all it wrote


def _campaign(zygote: Zygote, scenario: str, kills: int, tmp_path: Path, seed: int) -> None:
    template = ks.make_template(scenario, tmp_path)
    work = tmp_path / "work"
    work.mkdir()
    cap = _calibrate(zygote, scenario, template, work)
    rng = random.Random(seed)
    killed = lost = n = 0
    failures: list[str] = []
    outcomes: dict[str, int] = {}
    while killed < kills:
        threshold = rng.randint(1, cap)
        grown, lines = _attempt(zygote, scenario, template, work, n, threshold=threshold)
        verdict = ks.check(scenario, template, work / f"run{n}", lines)
        if verdict.lost:
            failures.append(f"attempt {n} (killed at {grown} of {cap} bytes): {verdict.notes}")
        lost += verdict.lost
        killed += grown >= 0
        outcomes[verdict.outcome] = outcomes.get(verdict.outcome, 0) + 1
        shutil.rmtree(work / f"run{n}", ignore_errors=True)
        n += 1
    record(f"SIGKILL during {scenario} (timed on log growth)", killed, lost)
    assert not failures, failures
    if scenario in ks.IMPORTS:  # the kills land inside the transaction (and, in a long
        assert outcomes.get("none", 0) >= kills // 3, outcomes  # campaign, after its commit too)
        assert kills < 100 or outcomes.get("whole", 0) >= 1, outcomes
    else:  # and between commits, after some of them
        assert sum(v for k, v in outcomes.items() if k != "0") >= kills // 3, outcomes


@pytest.mark.parametrize("scenario", SCENARIOS)
def test_a_sample_of_kills_loses_nothing(zygote: Zygote, tmp_path: Path, scenario: str) -> None:
    _campaign(zygote, scenario, SAMPLE, tmp_path, seed=SCENARIOS.index(scenario))


@pytest.mark.slow
@pytest.mark.parametrize("scenario", SCENARIOS)
def test_a_thousand_kills_lose_nothing(zygote: Zygote, tmp_path: Path, scenario: str) -> None:
    _campaign(zygote, scenario, CAMPAIGN, tmp_path, seed=1000 + SCENARIOS.index(scenario))
