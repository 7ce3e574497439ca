"""A fork server for killing children by the thousand (复刻服务器).

Starting a Python process that imports the app costs about a second; a thousand kills would spend most of
their time there. The zygote imports everything once (no database open, no thread started), then forks a
child per request: the child runs one scenario of `kill_scenarios` in a fresh data folder and writes what it
committed to a log file, line by line, after each commit returns. The test (the zygote's parent) watches the
folder grow and sends SIGKILL to the child's pid.

Protocol on stdin/stdout, one JSON object per line:
  → {"run": scenario, "folder": path, "arg": str, "log": path}   ← {"pid": n}
  → {"wait": pid}                                                ← {"status": n}
"""

from __future__ import annotations

import json
import os
import sys
import traceback


def _child(scenario: str, folder: str, arg: str, log_path: str) -> None:
    fd = os.open(log_path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o644)
    os.dup2(fd, 1)
    os.dup2(fd, 2)
    code = 0
    try:
        from qt_app.store import db
        from tests.faults import kill_scenarios

        # SQLite's default page cache: the import spills pages to the log as it goes, as any import larger
        # than the 64 MB bulk cache does. With the bulk cache a test-sized import writes its log only at
        # commit, in one burst, and kills timed on log growth would all land after it.
        db.BULK_CACHE_KIB = 2000
        kill_scenarios.CHILDREN[scenario](folder, arg)
        print("done", flush=True)
    except BaseException:
        print("error " + traceback.format_exc().replace("\n", " | "), flush=True)
        code = 1
    finally:
        os._exit(code)  # no atexit, no flushing of the zygote's buffers


def main() -> None:
    from tests.faults import kill_scenarios

    kill_scenarios.warm_up()  # imports and caches every child would otherwise pay for
    print(json.dumps({"ready": True}), flush=True)
    for line in sys.stdin:
        request = json.loads(line)
        if "run" in request:
            pid = os.fork()
            if pid == 0:
                _child(request["run"], request["folder"], request["arg"], request["log"])
            print(json.dumps({"pid": pid}), flush=True)
        elif "wait" in request:
            _, status = os.waitpid(int(request["wait"]), 0)
            print(json.dumps({"status": status}), flush=True)


if __name__ == "__main__":
    main()
