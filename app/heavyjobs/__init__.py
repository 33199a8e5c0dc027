"""Heavy jobs: a durable record of each long piece of work a person starts (a sunlight
analysis, reading a paper ballot scan, a ledger import).

The record is written (排队) before the work starts, taken (进行中) with a lease naming
the process that runs it, and marked 完成 in the same transaction as the work's result,
or 失败 with the Chinese refusal after the work rolled back. A process killed mid-way
(SIGKILL, a crash) leaves the record 进行中 and nothing of the work: once its process is
gone and its lease has run out, pages show it as 中断了 with a 重新运行 button that runs
it again with the same input (kept in the record until the job ends).

Domains register what runs a kind of job with `register_kind(kind, run)` in their
init_app; `run(job, payload, upload)` does the work and calls `finish(job, subject_id)`
before its own commit.
"""
from app.heavyjobs.services import finish, register_kind, submit  # noqa: F401 - the seam for domains


def init_app(app):
    from app.extensions import api
    from app.heavyjobs.routes import blp

    api.register_blueprint(blp)
