"""Chinese, simplified and traditional: 拒信, 录用通知, 复试邀请, 评估中 and 自动回复.

Chinese is written without spaces: the patterns match on characters and known words, never on word
boundaries, and list both scripts where they differ (通过/通過, 录用/錄用). A sentence ends at 。！？
Written against tests/reading/data/lang/zh.yaml (sources there).
"""

CODE = "zh"

_PASS = r"通[过過]"
_HIRE = r"(?:录用|錄用|录取|錄取|聘用)"
_TELL = r"(?:通知|答复|答覆|回复|回覆|告知|联系|聯繫)"

RULES: dict[str, tuple[str, ...]] = {
    "rejection": (
        rf"未(?:能)?{_PASS}|没有{_PASS}|沒有{_PASS}",
        r"未能[达達]到[^。]{0,10}(?:要求|预期|預期)",
        rf"(?:不|无法|無法|未被|没有被|沒有被)(?:予以)?{_HIRE}",
        r"没有选择[^。]{0,6}考虑|沒有選擇[^。]{0,6}考慮|未(?:被)?[选選]中|不予考[虑慮]",
        r"(?:其他|更合适的|更合適的)(?:的)?(?:候选人|候選人|应聘者|應聘者)",
        r"(?:职位|職位|岗位|崗位)[^。]{0,6}已(?:经|經)?(?:招满|招滿|关闭|關閉|满员|滿員|有合适人选|有合適人選)",
        r"祝(?:愿|願)?您在(?:今后|今後|以后|以後|未来|未來)的(?:工作|求职|求職|职业|職業)[^。]{0,12}(?:顺利|順利|成功)",
    ),
    "offer": (
        rf"(?:已被|被)(?:我(?:公司|司))?{_HIRE}为?",
        r"(?:录用|錄用|聘用|入职|入職)通知",
        r"(?:发|發|给您|給您)\s*offer",
    ),
    "next_steps": (
        r"复试|複試|第[二三]轮面试|第[二三]輪面試|二面|三面|终面|終面|下一轮|下一輪",
        r"(?:邀请|邀請)您?(?:参加|參加)[^。]{0,10}(?:面试|面試|笔试|筆試)",
        r"方便的(?:时间|時間)",
        r"(?:简历|簡歷)已?(?:通过|通過)(?:审核|審核|筛选|篩選|初筛|初篩)|列入(?:候选|候選)人?名[单單]",
        r"下一步[^。]{0,12}(?:面试|面試|面谈|面談|笔试|筆試)",
        r"(?:开始|開始)(?:在线|線上)?(?:笔试|筆試)|(?:请|請)[^。]{0,10}(?:完成|参加|參加)[^。]{0,6}(?:笔试|筆試|面试问题|面試問題)",
    ),
    "holding": (
        r"(?:仍在|正在|还在|還在)(?:评估|評估|考虑|考慮|筛选|篩選|审核|審核)",
        rf"(?<!通常)(?:会|會|将|將)在[^。]{{0,12}}(?:前|内|內)[^。]{{0,6}}{_TELL}",  # "通常会在几天内答复": a habit, no promise
        r"耐心等待",
    ),
    "acknowledgement": (
        r"(?:已|已经|已經)(?:收到|收悉)(?:您的)?(?:简历|簡歷|申请|申請|邮件|郵件|来信|來信)",
        r"(?:已|已经|已經)(?:成功)?(?:收到|收悉)(?:您|你)[^。]{0,40}(?:简历|簡歷|申请|申請)",
    ),
}
AUTO_SUBJECT: tuple[str, ...] = (r"自动回复|自動回覆|自動回復", r"不在办公室|不在辦公室")
AUTO_BODY: tuple[str, ...] = (r"(?:目前|现在|現在|正在)?休假中", r"不在(?:办公室|辦公室)", r"出差中")
SILENCE: tuple[str, ...] = (r"如(?:果)?[^。]{0,12}(?:未|没有|沒有)(?:收到|接到)[^。]{0,10}(?:通知|回复|回覆|答复|电话|電話)",)

# A mock interview ("模拟面试") is practice, not the user's job interview.
INTERVIEW_WORDS: tuple[str, ...] = (r"(?<!模拟)(?<!模擬)(?:面试|面試)", r"初试|初試|复试|複試", r"[一二三四]面|终面|終面|HR面")
ATTRIBUTION: tuple[str, ...] = (
    r"^在.{1,120}[写寫]道\s*[:：]\s*$",  # Thunderbird/Roundcube zh-CN: "在 DATE, NAME 写道:"
    r"^.{1,120}於.{1,60}[写寫]道\s*[:：]\s*$",  # zh-TW: "NAME 於 DATE 寫道:"
    r"^.{1,120}[写寫]道\s*[:：]\s*$",
)
HEADER_FROM: tuple[str, ...] = ("发件人", "寄件者", "寄件人", "發件人")
HEADER_FIELDS: tuple[str, ...] = ("发送时间", "寄件日期", "日期", "时间", "收件人", "收件者", "主题", "主旨", "抄送", "副本")
ORIGINAL_MESSAGE: tuple[str, ...] = ("原始邮件", "原始消息", "原始信息", "原始郵件")
# Forwards: Thunderbird's mailnews.forward_header_originalmessage (zh-CN, zh-TW), a webmail's Gmail-style forward
# (tests/reading/data/lang/zh.yaml); FairEmail's title_subject_forward (rows in tests/reading/data/lang/zh.yaml).
FORWARDED: tuple[str, ...] = ("转发的消息", "轉寄郵件", "转发的邮件")
FORWARD_SUBJECT: tuple[str, ...] = ("转发", "轉寄")
BOUNCE_SUBJECT: tuple[str, ...] = (r"退信", r"(?:邮件|郵件)?(?:投递失败|投遞失敗|无法投递|無法投遞|发送失败|傳送失敗)")

PROMISE_CUE: tuple[str, ...] = (_TELL, r"结果|結果|答复|答覆")
PROMISE_DATES: tuple[tuple[str, str], ...] = (
    (r"请(?:您)?[^。]{0,10}(?:前|之前)[^。]{0,6}(?:回复|确认|提交|告知)|請(?:您)?[^。]{0,10}(?:前|之前)[^。]{0,6}(?:回覆|確認|提交|告知)",
     "candidate"),
    (r"{n}\s*个?\s*工作日", "business_days"),
    (r"{n}\s*(?:个|個)?\s*(?:星期|礼拜|禮拜|周|週)(?:内|內|之内|之內|以内|以內)", "weeks"),
    (r"{n}\s*天(?:内|內|之内|之內|以内|以內)", "days"),
    (r"下(?:个|個)?(?:周|週|星期|礼拜|禮拜)\s*{weekday}", "next_week_weekday"),
    (r"下(?:个|個)?(?:周|週|星期|礼拜|禮拜)", "next_week"),
    (r"(?:本|这|這)(?:周|週|星期)", "this_week"),
    (r"{month}\s*月\s*{day}\s*[日号號]", "day_month"),
    (r"(?:周|週|星期|礼拜|禮拜)\s*{weekday}", "weekday"),
    (r"明天", "tomorrow"),
    (r"(?:本|这个|這個)月底", "end_of_month"),
)
WEEKDAYS: dict[str, int] = {"一": 0, "二": 1, "三": 2, "四": 3, "五": 4, "六": 5, "日": 6, "天": 6}
MONTHS: dict[str, int] = {}  # months are numbers: "12月10日"
NUMBERS: dict[str, int] = {"一": 1, "两": 2, "兩": 2, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8,
                           "九": 9, "十": 10}
