"""Build the one-folder program with PyInstaller and run what was built.

    python tools/build_smoke.py            # pip install -e .[build], build, run, measure
    python tools/build_smoke.py --no-install --no-hello

Called by .ci/run after the tests; runs by hand the same way (Linux or
Windows). Every step must succeed, else the exit code is 1:

  1. `pyinstaller --noconfirm build.spec` -> dist/ServiceDesk/
  2. servicedesk-cli --version          (says this checkout's version)
  3. servicedesk-cli demo --db D        (a data file with demo data)
  4. servicedesk-cli print-ticket NO    (a closed demo ticket -> a PDF)
  5. servicedesk-cli kpi YYYY-MM --out  (last month's report -> an xlsx)
  6. ServiceDesk --smoke --db D         (the window, every tab; offscreen)
  7. on Linux: ServiceDesk with QT_QPA_PLATFORM=xcb and no display prints
     the one-line advice and exits 1 (the start-up check works frozen too)
  8. the sizes of dist/ServiceDesk and of a hello-world PySide6 window built
     with the same options (tools/hello_build/), and their ratio
     (target ≤ 1.5; over it fails).
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DIST = ROOT / "dist"
EXE = ".exe" if sys.platform == "win32" else ""
SIZE_TARGET = 1.5


class Failed(Exception):
    pass


def step(title: str) -> None:
    print(f"\n== {title}", flush=True)


def run(command: list[str], *, env: dict[str, str] | None = None, expect: int = 0,
        timeout: int = 900) -> subprocess.CompletedProcess:
    """Run `command`, echo its output, fail unless it exits with `expect`."""
    print("$ " + " ".join(str(c) for c in command), flush=True)
    result = subprocess.run([str(c) for c in command], cwd=ROOT, env=env, capture_output=True,
                            text=True, encoding="utf-8", errors="replace", timeout=timeout)
    for stream in (result.stdout, result.stderr):
        if stream.strip():
            print(stream.rstrip()[-4000:], flush=True)
    if result.returncode != expect:
        raise Failed(f"{command[0]} exited {result.returncode}, expected {expect}")
    return result


def folder_size(folder: Path) -> int:
    """Bytes of the regular files under `folder` (links not followed: du --apparent-size)."""
    total = 0
    for path in folder.rglob("*"):
        if path.is_file() and not path.is_symlink():
            total += path.stat().st_size
    return total


def mib(size: int) -> str:
    return f"{size / 2**20:.0f} MiB"


def pyinstaller(spec: Path, *extra: str) -> None:
    run([sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN",
         "--distpath", DIST, *extra, spec])


def last_month(today: dt.date) -> str:
    first = today.replace(day=1)
    return (first - dt.timedelta(days=1)).strftime("%Y-%m")


def check_built_program(work: Path) -> None:
    from servicedesk import __version__  # this checkout's version (tools run with src on the path)

    folder = DIST / "ServiceDesk"
    cli, gui = folder / f"servicedesk-cli{EXE}", folder / f"ServiceDesk{EXE}"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "SERVICEDESK_DB": str(work / "default.sqlite3")}

    step("servicedesk-cli --version")
    out = run([cli, "--version"], env=env).stdout.strip()
    if out != f"ServiceDesk {__version__}":
        raise Failed(f"--version said {out!r}, expected 'ServiceDesk {__version__}'")

    step("servicedesk-cli demo")
    db = work / "demo.sqlite3"
    run([cli, "demo", "--db", db, "--years", "1"], env=env)

    step("servicedesk-cli print-ticket")
    with sqlite3.connect(db) as conn:
        row = conn.execute("SELECT no FROM tickets WHERE status = 'closed' ORDER BY id DESC LIMIT 1").fetchone()
    if row is None:
        raise Failed("the demo data has no closed ticket to print")
    pdf = work / "ticket.pdf"
    run([cli, "print-ticket", row[0], "--db", db, "--out", pdf, "--no-log"], env=env)
    if not pdf.read_bytes().startswith(b"%PDF"):
        raise Failed(f"{pdf} is not a PDF")

    step("servicedesk-cli kpi --out")
    month = last_month(dt.date.today())
    xlsx = work / f"kpi-{month}.xlsx"
    run([cli, "kpi", month, "--db", db, "--out", xlsx], env=env)
    if not xlsx.read_bytes().startswith(b"PK"):
        raise Failed(f"{xlsx} is not a workbook")

    step("ServiceDesk --smoke (offscreen)")
    out = run([gui, "--smoke", "--db", db], env=env).stderr
    if " 0 errors" not in out:
        raise Failed("the smoke run did not report its tabs")

    if sys.platform.startswith("linux"):
        step("ServiceDesk without a display: one line of advice, exit 1")
        no_display = {k: v for k, v in env.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
        out = run([gui, "--db", db], env={**no_display, "QT_QPA_PLATFORM": "xcb"}, expect=1).stderr
        lines = [line for line in out.splitlines() if line.strip()]
        if len(lines) != 1 or not ("no display" in out or "apt-get install" in out):
            raise Failed("the start-up check did not explain in one line why there is no window")


def measure(with_hello: bool) -> None:
    step("sizes")
    size = folder_size(DIST / "ServiceDesk")
    print(f"dist/ServiceDesk: {mib(size)} ({size} bytes)")
    if not with_hello:
        return
    pyinstaller(ROOT / "tools" / "hello_build" / "hello.spec", "--workpath", ROOT / "build" / "hello")
    run([DIST / "hello" / f"hello{EXE}", "--smoke"], env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    hello = folder_size(DIST / "hello")
    ratio = size / hello
    print(f"dist/hello (hello-world window, same options): {mib(hello)} ({hello} bytes)")
    print(f"ratio: {ratio:.2f} (target ≤ {SIZE_TARGET})")
    if ratio > SIZE_TARGET:
        raise Failed(f"the build is {ratio:.2f} × the hello-world window, over {SIZE_TARGET}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--no-install", action="store_true", help='skip pip install -e ".[build]"')
    parser.add_argument("--no-hello", action="store_true", help="skip the hello-world baseline build")
    args = parser.parse_args(argv)
    sys.path.insert(0, str(ROOT / "src"))
    started = time.monotonic()
    try:
        if not args.no_install:
            step('pip install -e ".[build]"')
            run([sys.executable, "-m", "pip", "install", "-q", "-e", ".[build]"])
        step("pyinstaller build.spec")
        built = time.monotonic()
        pyinstaller(ROOT / "build.spec")
        print(f"built in {time.monotonic() - built:.0f} s")
        with tempfile.TemporaryDirectory(prefix="servicedesk-built-", ignore_cleanup_errors=True) as work:
            check_built_program(Path(work))
        measure(not args.no_hello)
    except (Failed, subprocess.TimeoutExpired, OSError) as exc:
        print(f"\nBUILD SMOKE FAILED: {exc}", flush=True)
        return 1
    print(f"\nbuild smoke OK in {time.monotonic() - started:.0f} s", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
