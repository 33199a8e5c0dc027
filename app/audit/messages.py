"""What people read when the audit record does not check out."""
SEQ_GAP = "序号不连续（有记录被删除）"
PREV_MISMATCH = "与上一条记录对不上"
CONTENT_CHANGED = "记录内容被改动过"
TAIL_REMOVED = "末尾的记录被删除"
CHAIN_BROKEN = "记录链在第 {seq} 条断开：{reason}"
FEWER_THAN_PUBLISHED = "现在的记录比公布时少（有记录被删除）"
PUBLISHED_CHANGED = "第 {seq} 条记录与公布时不同（记录被改动过）"
CHAIN_EMPTIED = "记录已被清空：公布时有 {seq} 条，现在一条也没有"
#: printed with the head on the public page and in every 公示 export
PUBLISHED_HEAD = ("操作记录校验码：{head}（依次是小区编号、到现在的记录条数、校验码）。"
                  "它用来核对本小区的操作记录没有被改过、删过："
                  "以后谁改动了记录，这串校验码就对不上了。")
