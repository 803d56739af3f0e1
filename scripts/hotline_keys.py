"""The hotline desk as a person uses it: the real window under Xvfb, keys typed by xdotool.

    .venv/bin/desk-app --db sqlite:////tmp/hotline/desk.db db upgrade
    .venv/bin/desk-app --db sqlite:////tmp/hotline/desk.db demo --candidates 2000 --seed 1
    xvfb-run -a -s "-screen 0 1440x900x24" .venv/bin/python scripts/hotline_keys.py \\
        --db sqlite:////tmp/hotline/desk.db --shots docs [--language zh_HK]

Signs in as the demo operator (then the demo counter) through the sign-in
dialog and handles four calls on the demo candidates, every key sent with
``xdotool`` to whatever window has the focus, as a keyboard would: unlock
(the locked demo candidate), a password-reset email (the registered one), a
reissued letter printed (the unregistered one), a reprinted statement
printed (at the counter). Each call starts with the candidate's ID Number
typed in the search box; the verification types the name and the date of
birth the caller says. It counts the key presses of each step (a chord such
as Ctrl+Return counts once; the keys held down are counted too), checks the
database after each call, and prints a table for docs/HOTLINE.md. With
``--shots`` it saves the shortcuts sheet and the reason dialog with its
presets (``desk-shortcuts[-zh].png``, ``desk-reason-presets[-zh].png``).

A window manager runs as on a desk's screen (openbox, started here when it is
installed: ``apt-get install openbox``), so that a window closing gives the
keyboard back to the one under it, as people expect.

Printing goes to the PDF "printer" Qt offers when no printer is installed:
its file name is the document's, in the home folder (HOME is set to a
temporary folder). It changes the database it is given: use a demo database.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import ColumnElement, func, select

from desk_app import config
from desk_app.models import CallNote, IssuedStatement, Letter, OutboxMessage
from desk_app.services.actor import TerminalUser
from desk_app.services.registry import Services, build_services
from desk_app.services.schema_check import open_checked

LOCKED, REGISTERED, NEW = "KLT847620", "KLT104729", "SMR123456"
STAFF = {"operator": "operator-demo-2026", "counter": "counter-demo-2026"}
#: what the windows' titles say, in each language
TITLES = {
    "en": {"desk": "Results Desk", "verify": "Verify", "preview": "Print preview"},
    "zh_HK": {"desk": "成績服務台", "verify": "核實來電者", "preview": "打印預覽"},
}


@dataclass
class Step:
    call: str
    what: str
    keys: list[str] = field(default_factory=list)
    said: int = 0

    @property
    def presses(self) -> int:
        return len(self.keys)

    @property
    def held(self) -> int:
        return sum(key.count("+") + 1 for key in self.keys)


class Desk:
    """The desk's process and the keyboard typing into it."""

    def __init__(self, db: str, language: str, home: Path) -> None:
        env = dict(os.environ, HOME=str(home), LANG="C.UTF-8")
        self.process = subprocess.Popen(
            [sys.executable, "-m", "desk_app", "gui", "--db", db, "--language", language],
            env=env,
            cwd=home,
        )
        self.steps: list[Step] = []
        self.step = Step("", "")
        self.titles = TITLES[language]

    def begin(self, call: str, what: str) -> None:
        self.step = Step(call, what)
        self.steps.append(self.step)

    def key(self, *keys: str, pause: float = 0.35) -> None:
        for name in keys:
            subprocess.run(["xdotool", "key", "--clearmodifiers", name], check=True)
            self.step.keys.append(name)
            time.sleep(pause * PACE)

    def say(self, text: str, pause: float = 0.4) -> None:
        subprocess.run(["xdotool", "type", "--delay", "40", text], check=True)
        self.step.said += len(text)
        time.sleep(pause * PACE)

    def wait_for(self, title: str, timeout: float = 20) -> str:
        """The X window id of a visible window whose title contains ``title``."""
        end = time.monotonic() + timeout
        while time.monotonic() < end:
            found = subprocess.run(
                ["xdotool", "search", "--onlyvisible", "--name", title],
                capture_output=True,
                text=True,
            )
            if found.returncode == 0 and found.stdout.split():
                return found.stdout.split()[-1]
            time.sleep(0.3)
        raise TimeoutError(title)

    def gone(self, title: str, timeout: float = 20) -> None:
        end = time.monotonic() + timeout
        while time.monotonic() < end:
            found = subprocess.run(
                ["xdotool", "search", "--onlyvisible", "--name", title], capture_output=True
            )
            if found.returncode != 0:
                return
            time.sleep(0.2)
        raise TimeoutError(title)

    def focused(self) -> str:
        """The active window (the one the window manager gave the keyboard)."""
        time.sleep(0.8)
        found = subprocess.run(["xdotool", "getactivewindow"], capture_output=True, text=True)
        return found.stdout.strip()

    def shot(self, window: str, path: Path) -> None:
        time.sleep(0.8)
        subprocess.run(["import", "-window", window, str(path)], check=True)
        print(f"wrote {path}")

    def quit(self) -> None:
        self.begin("quit", "close the desk")
        self.key("ctrl+q")
        try:
            self.process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.process.terminate()


#: the waits after a key, times this (--pace: a machine loaded by other work needs more)
PACE = 1.0


def count(services: Services, model: type, *where: ColumnElement[bool]) -> int:
    with services.db.read() as session:
        return session.scalar(select(func.count()).select_from(model).where(*where)) or 0


def caller(services: Services, id_number: str) -> tuple[str, str]:
    """What the caller says: the English name and the date of birth (DD/MM/YYYY)."""
    detail = services.candidates.show(TerminalUser("hotline-keys"), id_number)
    return detail.name_en, detail.date_of_birth.strftime("%d/%m/%Y")


def sign_in(desk: Desk, who: str) -> str:
    desk.wait_for(desk.titles["desk"])  # the sign-in dialog
    time.sleep(1.5)
    desk.begin("sign-in", who)
    desk.say(who)
    desk.key("Tab")
    desk.say(STAFF[who])
    desk.key("Return")
    time.sleep(3)
    return desk.wait_for(desk.titles["desk"])


def find(desk: Desk, call: str, id_number: str) -> None:
    desk.begin(call, "find the candidate")
    desk.key("ctrl+f")
    desk.say(id_number)
    desk.key("Return", pause=1.5)


def verify(desk: Desk, services: Services, call: str, id_number: str) -> None:
    name, born = caller(services, id_number)
    desk.begin(call, "verify the caller")
    desk.key("F2")
    desk.wait_for(desk.titles["verify"])
    desk.say(name)
    desk.key("Tab")
    desk.say(born)
    desk.key("Return", pause=1.5)


def act(desk: Desk, call: str, key: str, shot: Path | None = None) -> None:
    desk.begin(call, "the action: its key, reason 1, Enter (then print, note)")
    desk.key(key, pause=1.0)
    if shot is not None:
        desk.shot(desk.focused(), shot)
    desk.key("1", "Return", pause=2.0)


def print_and_close(desk: Desk) -> None:
    desk.wait_for(desk.titles["preview"])
    desk.key("Return", pause=1.5)  # print…
    desk.key("Return", pause=3.0)  # …in the print dialog
    desk.key("Escape", pause=1.0)  # close the preview


def save_note(desk: Desk) -> None:
    desk.key("ctrl+Return", pause=1.5)


def run(args: argparse.Namespace) -> int:
    global PACE
    PACE = args.pace
    manager = subprocess.Popen(["openbox"]) if shutil.which("openbox") else None
    time.sleep(1.0)
    try:
        return run_calls(args)
    finally:
        if manager is not None:
            manager.terminate()
            manager.wait(timeout=10)


def run_calls(args: argparse.Namespace) -> int:
    services = build_services(open_checked(args.db), config.load_settings())
    home = Path(tempfile.mkdtemp(prefix="hotline-keys-"))
    suffix = "" if args.language == "en" else "-zh"
    shots = Path(args.shots) if args.shots else None
    notes, outbox = count(services, CallNote), count(services, OutboxMessage)

    desk = Desk(args.db, args.language, home)
    window = sign_in(desk, "operator")
    if shots is not None:
        desk.begin("sheet", "the shortcuts sheet")
        desk.key("F1")
        desk.shot(desk.focused(), shots / f"desk-shortcuts{suffix}.png")
        desk.key("Escape")

    find(desk, "unlock", LOCKED)
    verify(desk, services, "unlock", LOCKED)
    act(desk, "unlock", "F6", shots / f"desk-reason-presets{suffix}.png" if shots else None)
    save_note(desk)
    unlocked = services.candidates.show(TerminalUser("hotline-keys"), LOCKED)
    assert unlocked.account.locked_until is None, "not unlocked"

    find(desk, "reset email", REGISTERED)
    verify(desk, services, "reset email", REGISTERED)
    act(desk, "reset email", "F7")
    save_note(desk)
    assert count(services, OutboxMessage) == outbox + 1, "no reset email queued"

    letters = count(services, Letter)
    find(desk, "letter", NEW)
    verify(desk, services, "letter", NEW)
    act(desk, "letter", "F8")
    print_and_close(desk)
    save_note(desk)
    assert count(services, Letter) == letters + 1, "no letter reissued"
    assert count(services, CallNote) == notes + 3, "notes not saved"
    desk.quit()
    del window

    statements = count(services, IssuedStatement)
    desk2 = Desk(args.db, args.language, home)
    desk2.steps = desk.steps
    sign_in(desk2, "counter")
    find(desk2, "statement", REGISTERED)
    desk2.begin("statement", "identity document seen")
    desk2.key("shift+F2", pause=1.0)
    desk2.key("Return", pause=1.5)
    act(desk2, "statement", "F9")
    print_and_close(desk2)
    save_note(desk2)
    assert count(services, IssuedStatement) == statements + 1, "no statement issued"
    desk2.quit()
    printed = sorted(p.name for p in home.glob("*.pdf"))
    print(f"\nprinted to {home}: {printed}")
    report(desk.steps)
    services.db.dispose()
    return 0


def report(steps: list[Step]) -> None:
    print("\n| call | step | key presses | keys held down | characters said | keys |")
    print("| --- | --- | ---: | ---: | ---: | --- |")
    for step in steps:
        if step.call in ("sign-in", "sheet", "quit"):
            continue
        keys = " ".join(step.keys)
        print(
            f"| {step.call} | {step.what} | {step.presses} | {step.held} | {step.said} | `{keys}` |"
        )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", required=True)
    parser.add_argument("--shots", help="folder for the screenshots")
    parser.add_argument("--language", default="en", choices=("en", "zh_HK"))
    parser.add_argument(
        "--pace", type=float, default=1.0, help="wait this many times longer after each key"
    )
    return run(parser.parse_args())


if __name__ == "__main__":
    sys.exit(main())
