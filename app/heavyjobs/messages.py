"""What committee members read about heavy jobs (后台任务)."""
#: the state of a job, as pages show it (interrupted is derived: running, its process gone)
STATE_LABELS = {"queued": "排队", "running": "进行中", "done": "完成", "failed": "失败",
                "interrupted": "中断了"}
KIND_LABELS = {"sunlight.create": "日照分析", "sunlight.update": "日照分析（修改）",
               "paperballots.scan": "读取纸质表决票", "estates.ledger_import": "导入台账"}

FAILED_UNEXPECTED = "处理时出了错，没有保存任何结果。请稍后重新运行"
NOT_INTERRUPTED = "这项任务没有中断，不需要重新运行"
RERUN_BUSY = "这项任务已经在重新运行了"
UNKNOWN_KIND = "这类任务已不能重新运行"

PAGE_TITLE = "后台任务"
PAGE_HELP = "日照分析、读取纸质票和导入台账在这里留有记录。服务中断时没做完的任务不会留下半截结果，可以重新运行。"
PAGE_NONE = "还没有任务"
COLUMN_KIND = "任务"
COLUMN_STATE = "状态"
COLUMN_STARTED = "开始"
COLUMN_FINISHED = "结束"
COLUMN_ERROR = "说明"
RERUN = "重新运行"
RERUN_CONFIRM = "用原来的内容重新运行这项任务？"
INTERRUPTED_NOTE = "服务中断，这项任务没有做完，也没有留下结果"
RERUN_DONE = "已重新运行：{state}"
NAV = "后台任务"
#: on the page of a kind of work: some of it stopped half-way and can be run again
INTERRUPTED_HINT = "有 {n} 项{kind}因服务中断没有做完，没有留下结果。"
INTERRUPTED_LINK = "到“后台任务”重新运行"
#: what the hint calls each kind of work, by the kind prefix the page passes
HINT_LABELS = {"sunlight.": "日照分析", "estates.ledger_import": "台账导入", "paperballots.scan": "纸质票读取"}
