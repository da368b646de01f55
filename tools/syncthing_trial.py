"""Try a plan in a synced folder with the real thing: two Syncthing instances on this computer.

Not part of the test suite (it takes a minute and needs Debian's ``syncthing``). Run it with

    .venv/bin/python tools/syncthing_trial.py [--keep]

It makes two Syncthing homes and two data folders in a temporary directory ("laptop" and
"desktop"), each instance listening on loopback only, with global and local discovery, relays,
NAT traversal, usage reporting and upgrades off, and one folder shared between them (with the
``.stignore`` the README recommends). File-system watching is off; the script asks for a rescan
through the REST API after each change so every step is deterministic. Then, through the
``ptplanner`` command line (and the store, for a window held open):

1. the laptop starts a plan and adds a step; both converge;
2. the desktop adds a step; both converge;
3. a store held open on the laptop (as the window holds it) meets the desktop's change at its
   next save: PlanChangedOnDisk, merged with its base, saved with save_merged; both converge;
   then the window's own plan controller (Qt offscreen) is opened on the laptop: the desktop's
   next change is reloaded by its file watch, and an edit made in it while another change
   arrives from the desktop keeps both; both converge;
4. the devices are paused ("apart"); the laptop marks a step done, the desktop adds a sub-step
   under that same step and marks another one done; resumed, Syncthing keeps one version and a
   conflict copy; ``ptplanner plan list`` names the copy and ``ptplanner plan merge`` merges it;
   both converge to one plan holding every change, with no conflict copy left.

Exit status 0 when every check held; each step is printed as it goes.
"""

from __future__ import annotations

import argparse
import copy
import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ptplanner.core.plan.merge import merge_plans
from ptplanner.core.plan.model import Milestone, Plan, Status
from ptplanner.core.plan.operations import add_milestone
from ptplanner.core.storage.codec import parse_plan
from ptplanner.core.storage.conflict_copies import find_conflict_copies
from ptplanner.core.storage.errors import PlanChangedOnDisk
from ptplanner.core.storage.store import PlanStore

FOLDER_ID = "ptplanner-plan"
STIGNORE = "plan.lock\n.plan.json.*.tmp\n"
TIMEOUT_S = 90.0


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


@dataclass
class Instance:
    name: str
    home: Path
    data: Path
    gui_port: int
    listen_port: int
    device_id: str = ""
    api_key: str = ""
    process: subprocess.Popen[bytes] | None = None

    @property
    def plan(self) -> Path:
        return self.data / "plan.json"

    def rest(self, method: str, path: str) -> Any:
        request = urllib.request.Request(
            f"http://127.0.0.1:{self.gui_port}{path}",
            method=method,
            headers={"X-API-Key": self.api_key},
        )
        with urllib.request.urlopen(request, timeout=10) as response:
            body = response.read()
        return json.loads(body) if body.strip() else None

    def scan(self) -> None:
        self.rest("POST", f"/rest/db/scan?folder={FOLDER_ID}")

    def idle(self) -> bool:
        status = self.rest("GET", f"/rest/db/status?folder={FOLDER_ID}")
        return bool(status["state"] == "idle" and status["needTotalItems"] == 0)

    def ptplanner(self, *args: str) -> subprocess.CompletedProcess[str]:
        command = [sys.executable, "-m", "ptplanner", "plan", "--plan-file", str(self.plan), *args]
        done = subprocess.run(command, capture_output=True, text=True, check=False)
        shown = " ".join(args)
        print(f"  [{self.name}] ptplanner plan {shown}: exit {done.returncode}")
        for line in (done.stdout + done.stderr).splitlines():
            print(f"      {line}")
        return done


def generate(instance: Instance) -> None:
    subprocess.run(
        ["syncthing", "generate", "--home", str(instance.home), "--no-default-folder"],
        check=True,
        capture_output=True,
    )
    out = subprocess.run(
        ["syncthing", "serve", "--home", str(instance.home), "--device-id"],
        check=True,
        capture_output=True,
        text=True,
    )
    instance.device_id = out.stdout.strip()


def configure(instance: Instance, peer: Instance) -> None:
    path = instance.home / "config.xml"
    tree = ET.parse(path)
    root = tree.getroot()
    gui = root.find("gui")
    assert gui is not None
    gui.findall("address")[0].text = f"127.0.0.1:{instance.gui_port}"
    instance.api_key = gui.findtext("apikey") or ""
    options = root.find("options")
    assert options is not None
    settings = {
        "listenAddress": f"tcp://127.0.0.1:{instance.listen_port}",
        "globalAnnounceEnabled": "false",
        "localAnnounceEnabled": "false",
        "relaysEnabled": "false",
        "natEnabled": "false",
        "startBrowser": "false",
        "urAccepted": "-1",
        "autoUpgradeIntervalH": "0",
        "crashReportingEnabled": "false",
        "reconnectionIntervalS": "1",
    }
    for key, value in settings.items():
        element = options.find(key)
        if element is None:
            element = ET.SubElement(options, key)
        element.text = value
    device = ET.SubElement(
        root, "device", id=peer.device_id, name=peer.name, compression="metadata"
    )
    ET.SubElement(device, "address").text = f"tcp://127.0.0.1:{peer.listen_port}"
    # From the defaults Syncthing wrote: a folder element missing one of them gets zero, and
    # maxConflicts="0" would turn conflict copies off.
    template = root.find("defaults/folder")
    assert template is not None
    folder = copy.deepcopy(template)
    root.append(folder)
    for device in folder.findall("device"):
        folder.remove(device)
    folder.attrib.update(
        id=FOLDER_ID,
        label="ptplanner",
        path=str(instance.data),
        type="sendreceive",
        rescanIntervalS="3600",
        fsWatcherEnabled="false",
    )
    max_conflicts = folder.find("maxConflicts")
    if max_conflicts is None or max_conflicts.text in (None, "0"):
        ET.SubElement(folder, "maxConflicts").text = "10"
    for device_id in (instance.device_id, peer.device_id):
        ET.SubElement(folder, "device", id=device_id)
    tree.write(path)
    instance.data.mkdir(parents=True, exist_ok=True)
    (instance.data / ".stignore").write_text(STIGNORE)


def start(instance: Instance, log_dir: Path) -> None:
    log = open(log_dir / f"{instance.name}.log", "wb")  # noqa: SIM115 - lives with the process
    env = {**os.environ, "STNODEFAULTFOLDER": "1", "STNOUPGRADE": "1"}
    instance.process = subprocess.Popen(
        ["syncthing", "serve", "--home", str(instance.home), "--no-browser", "--no-restart"],
        stdout=log,
        stderr=subprocess.STDOUT,
        env=env,
    )
    wait_for(lambda: _pings(instance), f"{instance.name} to start")


def _pings(instance: Instance) -> bool:
    try:
        return bool(instance.rest("GET", "/rest/system/ping"))
    except OSError:
        return False


def wait_for(check: Any, what: str, timeout: float = TIMEOUT_S) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            if check():
                return
        except OSError:
            pass
        time.sleep(0.5)
    raise SystemExit(f"FAILED: timed out waiting for {what}")


def read(path: Path) -> Plan | None:
    try:
        return parse_plan(path.read_bytes())
    except (OSError, Exception):
        return None


def converged(a: Instance, b: Instance) -> bool:
    for instance in (a, b):
        instance.scan()
    if not (a.idle() and b.idle()):
        return False
    plan_a, plan_b = read(a.plan), read(b.plan)
    return plan_a is not None and plan_a == plan_b


def converge(a: Instance, b: Instance, what: str) -> Plan:
    wait_for(lambda: converged(a, b), what)
    plan = read(a.plan)
    assert plan is not None
    print(f"  converged: {what} ({len(plan.flatten())} steps on both)")
    return plan


def check(condition: bool, what: str) -> None:
    if not condition:
        raise SystemExit(f"FAILED: {what}")
    print(f"  ok: {what}")


def titles(plan: Plan) -> dict[str, Any]:
    return {m.title: m for m in plan.flatten()}


def id_of(plan: Plan, title: str) -> str:
    return str(titles(plan)[title].id)


WINDOW_RELOAD = "Added on the desktop while the window was open"
WINDOW_EDIT = "Added in the laptop's window itself"
WINDOW_RACE = "Added on the desktop during the window's edit"


def window_trial(laptop: Instance, desktop: Instance) -> Plan:
    """3b. The window's own code (its PlanController with the file watch, Qt offscreen) open on
    the laptop: Syncthing's temp-file-and-rename of the desktop's change is reloaded by itself,
    and an edit in the window racing another change from the desktop keeps both."""
    print("3b. The window's plan controller open on the laptop, Syncthing changing the file.")
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from ptplanner.ui.tabs.plan.controller import PlanController

    app = QApplication.instance() or QApplication([])

    def pumped(condition: Any) -> Any:
        def check() -> bool:
            app.processEvents()
            return bool(condition())

        return check

    controller = PlanController(path=laptop.plan)
    try:
        desktop.ptplanner("add", WINDOW_RELOAD)
        desktop.scan()
        wait_for(
            pumped(lambda: WINDOW_RELOAD in titles(controller.plan)),
            "the window to reload the desktop's step",
        )
        check(not controller.has_unsaved_changes, "the window reloaded it with nothing to save")
        controller.add_step(title=WINDOW_EDIT)
        desktop.ptplanner("add", WINDOW_RACE)
        desktop.scan()
        wait_for(
            pumped(lambda: WINDOW_RACE in titles(controller.plan)),
            "the desktop's step to reach the window beside its own edit",
        )
        check(WINDOW_EDIT in titles(controller.plan), "the window kept its own edit")
        wait_for(pumped(lambda: controller.save_now()), "the window to save")
    finally:
        controller.close()
    laptop.scan()
    plan = converge(laptop, desktop, "the window's plan reached the desktop")
    for title in (WINDOW_RELOAD, WINDOW_EDIT, WINDOW_RACE):
        check(title in titles(plan), f"both have '{title}'")
    return plan


def trial(laptop: Instance, desktop: Instance) -> None:
    print("1. The laptop starts a plan.")
    laptop.ptplanner("init", "--empty")
    laptop.ptplanner("add", "Apply to three clinics")
    laptop.ptplanner("add", "CMAA certification")
    laptop.scan()
    converge(laptop, desktop, "the laptop's plan reached the desktop")

    print("2. The desktop adds a step.")
    desktop.ptplanner("add", "Added on the desktop")
    desktop.scan()
    plan = converge(laptop, desktop, "the desktop's step reached the laptop")
    check("Added on the desktop" in titles(plan), "the laptop has the desktop's step")

    print("3. A window open on the laptop meets a synced-in change at its next save.")
    with PlanStore(laptop.plan) as store:
        window_plan = store.load().plan
        desktop.ptplanner("add", "Added on the desktop while the laptop's window was open")
        desktop.scan()
        wait_for(
            lambda: (
                "Added on the desktop while the laptop's window was open"
                in titles(read(laptop.plan) or Plan())
            ),
            "the desktop's change to arrive on the laptop",
        )
        edited = add_milestone(window_plan, Milestone(title="Added in the laptop's window")).plan
        try:
            store.save(edited)
            raise SystemExit("FAILED: the window's save overwrote the synced-in version")
        except PlanChangedOnDisk as changed:
            print(f"  the save refused: {changed}")
            assert store.base is not None
            merged = merge_plans(store.base, edited, changed.disk_plan)
            print(f"  merged: {merged.summary()}")
            check(not merged.collisions, "no collisions")
            store.save_merged(merged.plan, changed.disk_plan)
    laptop.scan()
    plan = converge(laptop, desktop, "the window's merge reached the desktop")
    for title in (
        "Added in the laptop's window",
        "Added on the desktop while the laptop's window was open",
    ):
        check(title in titles(plan), f"both have '{title}'")

    plan = window_trial(laptop, desktop)

    print("4. Apart: both change the same step, then they meet again.")
    laptop.rest("POST", f"/rest/system/pause?device={desktop.device_id}")
    desktop.rest("POST", f"/rest/system/pause?device={laptop.device_id}")
    time.sleep(1)
    cmaa = id_of(plan, "CMAA certification")
    apply = id_of(plan, "Apply to three clinics")
    laptop.ptplanner("done", cmaa)
    time.sleep(1.1)  # different modification times: Syncthing keeps the newer as plan.json
    desktop.ptplanner("add", "Book the exam", "--parent", cmaa)
    desktop.ptplanner("done", apply)
    laptop.scan()
    desktop.scan()
    laptop.rest("POST", f"/rest/system/resume?device={desktop.device_id}")
    desktop.rest("POST", f"/rest/system/resume?device={laptop.device_id}")

    def copy_appeared() -> bool:
        laptop.scan()
        desktop.scan()
        return bool(find_conflict_copies(laptop.plan) or find_conflict_copies(desktop.plan))

    wait_for(copy_appeared, "Syncthing to keep a conflict copy")
    side = laptop if find_conflict_copies(laptop.plan) else desktop
    (copy,) = find_conflict_copies(side.plan)
    print(f"  {copy.describe()} on the {side.name}: {copy.path.name}")
    listed = side.ptplanner("list")
    check("sits beside your plan" in listed.stderr, "'plan list' names the conflict copy")
    merged_run = side.ptplanner("merge", str(copy.path))
    check(merged_run.returncode == 0, "'plan merge' merged the copy")
    side.scan()

    def settled() -> bool:
        return converged(laptop, desktop) and not (
            find_conflict_copies(laptop.plan) or find_conflict_copies(desktop.plan)
        )

    wait_for(settled, "both to converge with no conflict copy left")
    final = read(laptop.plan)
    assert final is not None
    print(f"  converged: {len(final.flatten())} steps on both, no conflict copy")
    found = titles(final)
    check(found["CMAA certification"].status is Status.DONE, "the laptop's 'done' is kept")
    check(found["Apply to three clinics"].status is Status.DONE, "the desktop's 'done' is kept")
    book = final.node(found["Book the exam"].id)
    check(book is not None and book.parent_id == cmaa, "the desktop's sub-step is kept")
    expected = {
        "Apply to three clinics",
        "CMAA certification",
        "Added on the desktop",
        "Added on the desktop while the laptop's window was open",
        "Added in the laptop's window",
        "Book the exam",
    }
    check(expected <= set(found), "nothing was lost")
    backups = list((laptop.data / "backups").glob("*-conflict.json"))
    check(len(backups) == 1, "the merged copy is kept in backups/ (synced to both)")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--keep", action="store_true", help="keep the temporary folders")
    args = parser.parse_args()
    if shutil.which("syncthing") is None:
        print("syncthing is not installed (Debian: apt-get install syncthing)", file=sys.stderr)
        return 2
    root = Path(tempfile.mkdtemp(prefix="ptplanner-syncthing-"))
    print(f"Working in {root}")
    laptop = Instance(
        "laptop", root / "laptop-home", root / "laptop-Sync", free_port(), free_port()
    )
    desktop = Instance(
        "desktop", root / "desktop-home", root / "desktop-Sync", free_port(), free_port()
    )
    try:
        for instance in (laptop, desktop):
            generate(instance)
        configure(laptop, desktop)
        configure(desktop, laptop)
        for instance in (laptop, desktop):
            start(instance, root)
        wait_for(
            lambda: laptop.rest("GET", "/rest/system/connections")["connections"][
                desktop.device_id
            ]["connected"],
            "the two instances to connect",
        )
        print("Two Syncthing instances connected over loopback.")
        trial(laptop, desktop)
        print("All checks held.")
        return 0
    finally:
        for instance in (laptop, desktop):
            if instance.process is not None:
                instance.process.terminate()
                try:
                    instance.process.wait(timeout=15)
                except subprocess.TimeoutExpired:
                    instance.process.kill()
        if args.keep:
            print(f"Kept {root}")
        else:
            shutil.rmtree(root, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
