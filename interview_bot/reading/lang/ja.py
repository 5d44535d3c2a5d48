"""Japanese: 不採用通知, 内定通知, 面接のご案内, 選考中のご連絡 and 不在通知.

Japanese is written without spaces, so the patterns match on characters and known words, never
on word boundaries (\\b), and a sentence ends at 。 as well as at "." (interview_bot.reading.replies).
Written against tests/reading/data/lang/ja.yaml (sources there).
"""

CODE = "ja"

_CONTACT = r"(?:ご連絡|ご報告|お知らせ|ご回答|ご通知)"

RULES: dict[str, tuple[str, ...]] = {
    "rejection": (
        r"貴意に(?:添|沿)いかね",
        r"ご期待に(?:添|沿)え(?:ず|ない|ませ)",
        r"(?:採用|選考|面接の機会|ご縁)[^。]{0,12}(?:お)?見(?:送|合わせ)",
        r"(?:他|別)の(?:候補者|応募者|方)[^。]{0,12}(?:選考|採用|決定|内定)",
        r"ご活躍を[^。]{0,8}お祈り",  # the stock close of a Japanese rejection ("お祈りメール")
        r"不採用(?:と|に)",
        r"採用(?:に|には)至り?ませんでした|採用には至ら",
        r"残念な結果",
        r"(?:募集|採用)(?:枠|人数)?[^。]{0,6}(?:締め切|終了いたし|充足|埋ま)",
        r"社内[^。]{0,10}(?:適任者|登用|人材)[^。]{0,10}(?:決定|決ま|見つか)",
    ),
    "offer": (
        r"採用内定|内定(?:通知|承諾書|のお知らせ)",
        r"内定(?:を|が)?(?:決定|いたしました|致しました|させていただ)",
        r"(?:当社|弊社)の一員として",
        r"ぜひ[^。]{0,20}(?:ご入社|入社|一員)",
        r"オファー(?:レター|面談)",
    ),
    "next_steps": (
        r"(?:一次|二次|三次|四次|最終|役員|次回の?|次の)(?:選考|面接|面談)[^。]{0,12}(?:お進み|ご案内|日程|調整|実施|お越し)",
        r"(?:次の選考|次のステップ|次回選考|次のステージ)に\s*(?:お)?進",
        r"(?:面接|面談)を\s*予定させて",
        r"(?:面接|面談)の?(?:日程|日時)[^。]{0,10}(?:調整|ご都合|お選び|ご案内)",
        r"ご都合の(?:よい|良い|宜しい)日(?:時|程)",
    ),
    "holding": (
        r"(?:現在)?選考中(?:で|です|でございます)",
        r"(?:もう少々|今しばらく|しばらく)[^。]{0,10}(?:お時間|お待ち)",
        rf"(?:\d+|[一二三四五六七八九十]+)\s*(?:営業日|日|週間)以内に?\s*{_CONTACT}",
        rf"(?:来週|今週|月末|明日)[^。]{{0,6}}{_CONTACT}",
        rf"(?:月|日)まで(?:に)?\s*{_CONTACT}",
    ),
    "acknowledgement": (
        r"(?:応募|ご応募|メール|ご連絡|書類)[^。]{0,10}(?:受け付け|受付|受領|拝受)(?:いたし|致し|し)?ました",
        r"(?:メール|ご連絡)を?(?:いただき|頂き)[^。]{0,8}ありがとう",
    ),
}
AUTO_SUBJECT: tuple[str, ...] = (r"自動返信", r"自動応答", r"不在(?:通知|のお知らせ|連絡)", r"外出中")
AUTO_BODY: tuple[str, ...] = (
    r"不在にして(?:おり|います|ございます)",
    r"(?:休暇|出張)(?:中|のため)[^。]{0,20}(?:返信|ご連絡|対応)",
)
SILENCE: tuple[str, ...] = (r"(?:ご連絡|連絡|お知らせ)(?:が)?(?:ない|無い)場合(?:は)?[^。]{0,20}(?:不採用|ご縁がなかった|見送)",)

INTERVIEW_WORDS: tuple[str, ...] = (r"(?<!模擬)(?<!練習)面接", r"面談", r"インタビュー")  # not a mock (模擬面接)
ATTRIBUTION: tuple[str, ...] = (
    r"^.{1,120}さんは書きました\s*[:：]\s*$",  # Roundcube: "$date に $sender さんは書きました:"
    r"^\d{4}/\d{1,2}/\d{1,2}.{1,120}のメッセージ\s*[:：]\s*$",  # "DATE TIME、NAME のメッセージ:"
    r"^\d{4}年\d{1,2}月\d{1,2}日.{1,120}:\s*$",  # "2026年12月2日(水) 10:00 NAME <addr>:"
)
HEADER_FROM: tuple[str, ...] = ("差出人", "送信元", "発信者", "送信者")
HEADER_FIELDS: tuple[str, ...] = ("送信日時", "日付", "宛先", "送信先", "件名", "CC", "返信先")
ORIGINAL_MESSAGE: tuple[str, ...] = ("元のメッセージ",)
# Forwards: HubSpot (crisp-oss/email-forward-parser's client fixtures); Thunderbird (ja) writes the English
# separator; FairEmail's title_subject_forward_alt (rows in tests/reading/data/lang/ja.yaml).
FORWARDED: tuple[str, ...] = ("メッセージを転送", "転送メッセージ")
FORWARD_SUBJECT: tuple[str, ...] = ("FW",)
BOUNCE_SUBJECT: tuple[str, ...] = (r"メールエラー通知", r"配信(?:エラー|失敗|不能)", r"(?:送信|配送)(?:エラー|失敗)")

PROMISE_CUE: tuple[str, ...] = (_CONTACT, r"ご連絡(?:いたします|致します|します|させて)", r"お返事|ご返答|結果を")
PROMISE_DATES: tuple[tuple[str, str], ...] = (
    (r"(?:ご返信|ご回答|ご提出|お返事)[^。]{0,12}(?:ください|下さい|願います|お願いいたします)", "candidate"),
    (r"{n}\s*営業日", "business_days"),
    (r"{n}\s*週間", "weeks"),
    (r"{n}\s*(?:日|日間)以内", "days"),
    (r"来週\s*(?:の)?\s*{weekday}", "next_week_weekday"),
    (r"来週(?:中|末|いっぱい)?", "next_week"),
    (r"今週(?:中|末|いっぱい)?", "this_week"),
    (r"{month}\s*月\s*{day}\s*日", "day_month"),
    (r"{weekday}", "weekday"),
    (r"明日", "tomorrow"),
    (r"今月(?:中|末)", "end_of_month"),
)
WEEKDAYS: dict[str, int] = {
    "月曜日": 0, "火曜日": 1, "水曜日": 2, "木曜日": 3, "金曜日": 4, "土曜日": 5, "日曜日": 6,
    "月曜": 0, "火曜": 1, "水曜": 2, "木曜": 3, "金曜": 4, "土曜": 5, "日曜": 6,
}
MONTHS: dict[str, int] = {}  # months are numbers: "12月10日"
NUMBERS: dict[str, int] = {"一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10}
