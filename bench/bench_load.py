"""Load test of `make serve`: simultaneous sessions speaking Streamlit's websocket protocol through nginx.

Starts ``deploy/serve.py`` (workers = cores, unless ``--workers``) on a fresh demo store in a temporary
directory, on free loopback ports, and stops it at the end. Each session is what a browser tab does
without think time: open the home page, sectors, clusters, subsidies, move one slider on the subsidies
page, open the presentation. A step's time runs from sending the rerun to the server's
``script_finished``; an error is a step that failed, raised (an exception element), timed out or landed
on another page. Printed per level (1, 5, 10, 20 sessions, then 10 sessions during an analyst's load
through the command-line loader): steps, p50 / p95 / max in seconds, errors, the load average of the
machine (it is shared) and the RSS of every worker.

Targets (issue 14, 2 cores): 20 sessions p95 <= 1.5 s with 0 errors; 1 session p95 <= 0.3 s.

    .venv/bin/python bench/bench_load.py [--workers N] [--levels 1,5,10,20] [--rounds 2]
"""

from __future__ import annotations

import argparse
import asyncio
import os
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
from websockets.asyncio.client import connect

from analytics import store

ROOT = Path(__file__).resolve().parents[1]

#: (step name, page url path, query string); "slider" is the subsidies page with one slider moved
STEPS = [
    ("home", "", ""),
    ("sectors", "sectors", ""),
    ("clusters", "clusters", ""),
    ("subsidies", "subsidies", ""),
    ("slider", "subsidies", ""),
    ("present", "present", "present=1"),
]
STEP_TIMEOUT_S = 60.0
TARGET_P95_20, TARGET_P95_1 = 1.5, 0.3


@dataclass
class Level:
    """The timings and errors of one level."""

    sessions: int
    times: list[float] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    per_step: dict[str, list[float]] = field(default_factory=dict)
    cpu_per_step: dict[str, list[float]] = field(default_factory=dict)  # measured with one session only


def _free_port(start: int) -> int:
    for port in range(start, start + 2000):
        with socket.socket() as s:
            try:
                s.bind(("127.0.0.1", port))
                return port
            except OSError:
                continue
    raise RuntimeError("no free port")


class Session:
    """One browser tab's conversation with the app over ``/_stcore/stream``."""

    def __init__(self, base: str, cookie: str) -> None:
        self.base, self.cookie = base, cookie
        self.ws = None
        self.pages: dict[str, str] = {}  # page script hash -> url path
        self.slider = None

    async def open(self) -> None:
        self.ws = await connect(
            self.base.replace("http://", "ws://") + "/_stcore/stream",
            subprotocols=["streamlit"],
            origin=self.base,
            additional_headers={"Cookie": f"navigator_worker={self.cookie}"},
            max_size=None,
            open_timeout=STEP_TIMEOUT_S,
        )

    async def close(self) -> None:
        if self.ws is not None:
            await self.ws.close()

    async def run(self, page: str, query: str, widgets: list | None = None) -> tuple[float, str | None]:
        """Rerun the script on ``page``; returns (seconds, error or None)."""
        msg = BackMsg()
        msg.rerun_script.query_string = query
        msg.rerun_script.page_name = page
        if widgets:
            msg.rerun_script.widget_states.widgets.extend(widgets)
        started = time.perf_counter()
        await self.ws.send(msg.SerializeToString())
        error, landed, sliders = None, None, []
        while True:
            raw = await asyncio.wait_for(self.ws.recv(), STEP_TIMEOUT_S)
            fwd = ForwardMsg()
            fwd.ParseFromString(raw)
            kind = fwd.WhichOneof("type")
            if kind == "navigation":
                for app_page in fwd.navigation.app_pages:
                    self.pages[app_page.page_script_hash] = app_page.url_pathname
                landed = self.pages.get(fwd.navigation.page_script_hash)
            elif kind == "page_not_found":
                error = "page not found"
            elif kind == "delta" and fwd.delta.WhichOneof("type") == "new_element":
                element = fwd.delta.new_element
                which = element.WhichOneof("type")
                if which == "exception":
                    error = error or f"exception: {element.exception.type}: {element.exception.message[:120]}"
                elif which == "slider":
                    sliders.append(element.slider)
            elif kind == "script_finished":
                if fwd.script_finished == ForwardMsg.FINISHED_EARLY_FOR_RERUN:
                    continue  # a rerun the script asked for itself (st.switch_page / st.rerun): keep waiting
                if fwd.script_finished != ForwardMsg.FINISHED_SUCCESSFULLY:
                    error = error or f"script finished with status {fwd.script_finished}"
                break
        took = time.perf_counter() - started
        if error is None and landed is not None and landed.strip("/") != page and page:
            error = f"landed on {landed!r} instead of {page!r}"
        if sliders:
            self.slider = sliders[0]
        return took, error

    def moved_slider(self) -> list:
        """The widget state of the first slider moved by one step (the value in the middle of its range)."""
        from streamlit.proto.WidgetStates_pb2 import WidgetState

        slider = self.slider
        state = WidgetState(id=slider.id)
        middle = (slider.min + slider.max) / 2
        if slider.data_type in (slider.INT, slider.DATETIME, slider.DATE, slider.TIME):
            state.int_array_value.data.append(int(round(middle)))
        else:
            state.double_array_value.data.append(round(middle / slider.step) * slider.step if slider.step else middle)
        return [state]


async def one_session(base: str, cookie: str, level: Level, ports: list[int]) -> None:
    session = Session(base, cookie)
    try:
        await session.open()
    except Exception as exc:  # noqa: BLE001 - a refused connection is an error of this level
        level.errors.append(f"connect: {exc!r}")
        return
    try:
        for name, page, query in STEPS:
            widgets = None
            if name == "slider":
                if session.slider is None:
                    level.errors.append("slider: no slider on the subsidies page")
                    continue
                widgets = session.moved_slider()
            cpu = worker_cpu_s(ports) if level.sessions == 1 else 0.0
            try:
                took, error = await session.run(page, query, widgets)
            except Exception as exc:  # noqa: BLE001 - timeouts and dropped sockets count as errors
                level.errors.append(f"{name}: {exc!r}")
                return
            level.times.append(took)
            level.per_step.setdefault(name, []).append(took)
            if level.sessions == 1:
                level.cpu_per_step.setdefault(name, []).append(worker_cpu_s(ports) - cpu)
            if error:
                level.errors.append(f"{name}: {error}")
    finally:
        await session.close()


async def run_level(base: str, sessions: int, rounds: int, tag: str, ports: list[int]) -> Level:
    level = Level(sessions)
    for r in range(rounds):
        await asyncio.gather(
            *(one_session(base, f"{tag}{r:02d}{i:04d}".ljust(32, "0"), level, ports) for i in range(sessions))
        )
    return level


def worker_rss_mb(ports: list[int]) -> dict[int, float]:
    """Resident memory of each worker process (found by its --server.port), in MB."""
    found: dict[int, float] = {}
    for pid in filter(str.isdigit, os.listdir("/proc")):
        try:
            cmd = Path(f"/proc/{pid}/cmdline").read_bytes().split(b"\0")
            if b"--server.port" not in cmd:
                continue
            port = int(cmd[cmd.index(b"--server.port") + 1])
            if port not in ports:
                continue
            for line in Path(f"/proc/{pid}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    found[port] = int(line.split()[1]) / 1024
        except (OSError, ValueError, IndexError):
            continue
    return found


def worker_cpu_by_port(ports: list[int]) -> dict[int, float]:
    """CPU seconds (user + system) used so far by each worker process (by its port): a cost per step that
    depends far less on what else the shared machine runs than the wall-clock times do."""
    tick = os.sysconf("SC_CLK_TCK")
    found: dict[int, float] = {}
    for pid in filter(str.isdigit, os.listdir("/proc")):
        try:
            cmd = Path(f"/proc/{pid}/cmdline").read_bytes().split(b"\0")
            if b"--server.port" not in cmd:
                continue
            port = int(cmd[cmd.index(b"--server.port") + 1])
            if port not in ports:
                continue
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
            found[port] = found.get(port, 0.0) + (int(fields[11]) + int(fields[12])) / tick
        except (OSError, ValueError, IndexError):
            continue
    return found


def worker_cpu_s(ports: list[int]) -> float:
    """CPU seconds used so far by all the workers together."""
    return sum(worker_cpu_by_port(ports).values())


def report(
    label: str,
    level: Level,
    ports: list[int],
    target: float | None,
    cpu_s: float | None = None,
    client_s: float | None = None,
    wall_s: float | None = None,
) -> None:
    times = sorted(level.times)
    load1, load5, _ = os.getloadavg()
    if times:
        p50 = statistics.median(times)
        p95 = times[min(len(times) - 1, int(round(0.95 * (len(times) - 1))))]
        worst = times[-1]
        verdict = "" if target is None else ("  OK" if p95 <= target and not level.errors else "  MISSED")
        aim = f"  target p95 <= {target} s, 0 errors" if target is not None else ""
        print(
            f"{label:>24}: {len(times):4d} steps  p50 {p50:5.2f} s  p95 {p95:5.2f} s  max {worst:5.2f} s  "
            f"errors {len(level.errors)}  load avg {load1:.1f}/{load5:.1f}{aim}{verdict}"
        )
    else:
        print(f"{label:>24}: no steps completed, errors {len(level.errors)}")
    if cpu_s is not None and times:
        print(
            " " * 26 + f"worker CPU {cpu_s:.1f} s = {cpu_s / len(times):.3f} CPU-s per step "
            f"(so {os.cpu_count()} cores serve at most {os.cpu_count() / (cpu_s / len(times)):.1f} steps/s)"
        )
    if client_s is not None and wall_s and times:
        print(
            " " * 26 + f"served {len(times) / wall_s:.1f} steps/s over {wall_s:.1f} s; the workers used "
            f"{(cpu_s or 0) / wall_s:.2f} cores, this client {client_s / wall_s:.2f} cores"
        )
    if level.cpu_per_step:
        print(
            " " * 26
            + "median CPU-s per step: "
            + ", ".join(f"{k} {statistics.median(v):.2f}" for k, v in level.cpu_per_step.items())
        )
    slowest = {name: max(v) for name, v in level.per_step.items()}
    print(" " * 26 + "slowest per step: " + ", ".join(f"{k} {v:.2f}" for k, v in slowest.items()))
    rss = worker_rss_mb(ports)
    print(" " * 26 + "RSS per worker: " + ", ".join(f":{p} {mb:.0f} MB" for p, mb in sorted(rss.items())))
    for error in level.errors[:5]:
        print(" " * 26 + "error: " + error)
    sys.stdout.flush()


def analyst_file(db: Path, path: Path, years: int) -> int:
    """A CSV of yearly figures for every enterprise in ``years`` new early years; returns its rows."""
    with store.connect(db, read_only=True) as con:
        inns = list(store.query(con, "SELECT inn FROM enterprises ORDER BY inn")["inn"])
    with open(path, "w", encoding="utf-8") as out:
        out.write("ИНН;Год;Численность;Выручка, млн руб.\n")
        for year in range(1990, 1990 + years):
            for i, inn in enumerate(inns):
                out.write(f"{inn};{year};{10 + i % 90};{(i % 50) * 1.5:.1f}\n")
    return len(inns) * years


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--levels", default="1,5,10,20")
    parser.add_argument("--rounds", type=int, default=2, help="each session runs its six steps this many times")
    parser.add_argument("--analyst-sessions", type=int, default=10, help="0 skips the run during a load")
    args = parser.parse_args(argv)
    levels = [int(x) for x in args.levels.split(",") if x]

    work = Path(tempfile.mkdtemp(prefix="navigator-bench-load-"))
    db = work / "navigator.duckdb"
    store.build_demo(db)
    port = _free_port(23080)
    base_port = _free_port(23601)
    while any(_free_port(base_port + i) != base_port + i for i in range(args.workers)):
        base_port = _free_port(base_port + args.workers)
    ports = [base_port + i for i in range(args.workers)]
    log = open(work / "serve.log", "w")
    serve = subprocess.Popen(
        [
            sys.executable,
            str(ROOT / "deploy" / "serve.py"),
            "--workers",
            str(args.workers),
            "--port",
            str(port),
            "--base-port",
            str(base_port),
            "--db",
            str(db),
            "--run-dir",
            str(work / "run"),
        ],
        cwd=ROOT,
        stdout=log,
        stderr=subprocess.STDOUT,
        env=dict(os.environ, PYTHONPATH=str(ROOT)),
    )
    base = f"http://127.0.0.1:{port}"
    try:
        started = time.monotonic()
        while "serving http" not in (work / "serve.log").read_text():
            if serve.poll() is not None or time.monotonic() - started > 180:
                print((work / "serve.log").read_text())
                raise RuntimeError("make serve did not start")
            time.sleep(0.5)
        with urllib.request.urlopen(base + "/_stcore/health", timeout=10) as reply:
            assert reply.read() == b"ok"
        print(
            f"bench_load: {args.workers} workers behind nginx at {base}, {os.cpu_count()} cores, "
            f"{args.rounds} rounds of {len(STEPS)} steps per session ({', '.join(s for s, _, _ in STEPS)})"
        )
        warm = asyncio.run(run_level(base, 2 * args.workers + 2, 1, "w", ports))
        report("warm-up (not a figure)", warm, ports, None)
        for n in levels:
            by_port, client, began = worker_cpu_by_port(ports), time.process_time(), time.perf_counter()
            cpu = sum(by_port.values())
            level = asyncio.run(run_level(base, n, args.rounds, f"l{n}", ports))
            wall, client = time.perf_counter() - began, time.process_time() - client
            target = TARGET_P95_1 if n == 1 else TARGET_P95_20 if n == 20 else None
            report(f"{n} sessions", level, ports, target, worker_cpu_s(ports) - cpu, client, wall)
            after = worker_cpu_by_port(ports)
            print(
                " " * 26
                + "cores each worker used: "
                + ", ".join(f":{p} {(after.get(p, 0.0) - by_port.get(p, 0.0)) / wall:.2f}" for p in sorted(after))
            )

        if args.analyst_sessions <= 0:
            return 0
        csv = work / "analyst.csv"
        rows = analyst_file(store.snapshots.current_path(db), csv, 25)
        outcome: dict[str, object] = {}

        def analyst() -> None:
            began = time.perf_counter()
            done = subprocess.run(
                [
                    sys.executable,
                    "-m",
                    "analytics.data.load_cli",
                    "enterprise_years",
                    str(csv),
                    "--user",
                    "bench",
                    "--db",
                    str(db),
                    "--lang",
                    "en",
                ],
                cwd=ROOT,
                env=dict(os.environ, PYTHONPATH=str(ROOT)),
                capture_output=True,
                text=True,
                timeout=600,
            )
            outcome.update(
                seconds=time.perf_counter() - began,
                code=done.returncode,
                said=(done.stdout + done.stderr).strip().splitlines()[-1:],
            )

        loading = threading.Thread(target=analyst)
        loading.start()
        level = asyncio.run(run_level(base, args.analyst_sessions, args.rounds, "a", ports))
        loading.join(timeout=600)
        report(f"{args.analyst_sessions} during a load", level, ports, None)
        print(
            " " * 26 + f"analyst load: {rows:,} rows by the command-line loader in {outcome.get('seconds', 0):.1f} s, "
            f"exit {outcome.get('code')}: {' '.join(outcome.get('said', []))}"
        )
        return 0
    finally:
        serve.send_signal(signal.SIGTERM)
        try:
            serve.wait(timeout=30)
        except subprocess.TimeoutExpired:
            serve.kill()
        log.close()
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
