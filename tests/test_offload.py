"""Heavy work leaves the event loop (app/offload.py), in a real gevent-patched process."""
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

PROBE = """
from gevent import monkey; monkey.patch_all()
import os, _thread
from app.offload import off_the_loop

def where():
    me = _thread.get_native_id()
    return me, os.getpriority(os.PRIO_PROCESS, me)

def refuse():
    raise ValueError("拒绝")

loop_thread = _thread.get_native_id()
worker, niceness = off_the_loop(where)
try:
    off_the_loop(refuse)
except ValueError as error:
    raised = str(error)
print(worker != loop_thread, niceness, os.getpriority(os.PRIO_PROCESS, loop_thread), raised)
"""


def test_heavy_work_runs_in_a_lower_priority_thread_and_its_refusal_reaches_the_caller():
    out = subprocess.run([sys.executable, "-c", PROBE], cwd=ROOT, capture_output=True, text=True,
                         check=True).stdout.split()
    other_thread, niceness, loop_niceness, raised = out
    assert other_thread == "True"
    # the kernel gives the loop's thread the core first when uploads keep both busy
    assert int(niceness) > int(loop_niceness)
    assert raised == "拒绝"


def test_outside_gevent_the_work_is_a_plain_call():
    import _thread

    from app.offload import off_the_loop

    assert off_the_loop(_thread.get_native_id) == _thread.get_native_id()
