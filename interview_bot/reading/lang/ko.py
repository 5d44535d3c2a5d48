"""Korean: 불합격 안내, 최종 합격, 2차 면접 안내, 전형 진행 중 and 자동 회신.

Korean puts particles on words (면접을, 면접에): the patterns match on stems and characters,
never on a word boundary after a noun. Written against tests/reading/data/lang/ko.yaml (sources there).
"""

CODE = "ko"

_TELL = r"(?:알려|안내|연락|통보|회신)"

RULES: dict[str, tuple[str, ...]] = {
    "rejection": (
        r"다른\s*(?:지원자|후보자)[^.!?]{0,20}(?:채용|선발|결정|함께|진행)",
        r"더\s*적합한\s*(?:다른\s*)?(?:지원자|후보자|분)",
        r"함께\s*하지\s*못하게",
        r"함께\s*(?:하|할|일하|일할)[^.!?]{0,20}(?:못|어렵)",  # "함께 할 수 있는 기회를 갖지 못한 점"
        r"(?:합격자로|모시지)\s*못",
        r"불합격",
        r"아쉽게도[^.!?]{0,40}(?:못|않|어렵)",
        r"(?:포지션|채용|모집)(?:이|은|이\s*이미)?\s*(?:마감|종료|완료)",
    ),
    "offer": (r"최종\s*합격", r"처우\s*협의", r"입사\s*제안", r"오퍼\s*레터|오퍼를\s*드",
              r"(?:포지션|직무|직책)에\s*합격", r"입사\s*(?:예정\s*)?일(?:은|을|:)|예정\s*입사일"),
    "next_steps": (
        r"(?:[2-9]|이|삼)\s*차\s*면접",
        r"(?:일정|시간)을?\s*(?:조율|알려\s*주)",
        r"다음\s*(?:단계|전형)[^.!?]{0,20}(?:면접|과제|진행)",
        r"면접에\s*합격",
        r"서면\s*(?:인터뷰|면접)|사전\s*과제|과제\s*(?:전형|제출)",
        r"다음으로\s*면접|(?:면접|인터뷰)\s*가능한\s*(?:날짜|일정|시간)|전형\s*합격(?!자)",  # "서류전형 합격을 축하", not "합격자 발표"
    ),
    "holding": (
        r"(?:전형|절차|검토|심사)(?:이|가)?\s*(?:아직\s*)?진행\s*중",
        rf"(?:이내|까지|안에|내에)\s*(?:결과를?\s*)?{_TELL}",
    ),
    "acknowledgement": (r"(?:메일|이메일|지원서|서류)(?:을|를|는)?\s*잘\s*(?:받았|접수)", r"접수(?:되었|했|하였|완료)"),
}
AUTO_SUBJECT: tuple[str, ...] = (r"자동\s*(?:회신|응답|답장)", r"부재\s*중")
AUTO_BODY: tuple[str, ...] = (r"(?:휴가|출장)\s*중", r"부재\s*중")
SILENCE: tuple[str, ...] = (r"(?:연락|회신|통보)(?:이|을)?\s*(?:없|받지\s*못하)(?:으면|을\s*경우)",)

INTERVIEW_WORDS: tuple[str, ...] = (r"면접", r"인터뷰", r"커피\s*챗")
ATTRIBUTION: tuple[str, ...] = (
    r"^.{1,120}\s작성\s*:\s*$",  # Gmail/Apple Mail: "2026. 12. 2. 오전 10:00, NAME <addr> 작성:"
    r"^.{1,120}이\(가\)\s*(?:쓴\s*(?:내용|글))\s*:?\s*$",  # Roundcube, Thunderbird
)
HEADER_FROM: tuple[str, ...] = ("보낸 사람", "보낸사람", "발신자")
HEADER_FIELDS: tuple[str, ...] = ("보낸 날짜", "날짜", "받는 사람", "받는사람", "제목", "참조", "회신 주소")
ORIGINAL_MESSAGE: tuple[str, ...] = ("원본 메시지",)
# Forwards: Thunderbird's mailnews.forward_header_originalmessage; FairEmail's title_subject_forward (rows in
# tests/reading/data/lang/ko.yaml).
FORWARDED: tuple[str, ...] = ("전달된 메시지", "전달 메시지")
FORWARD_SUBJECT: tuple[str, ...] = ("전달",)
BOUNCE_SUBJECT: tuple[str, ...] = (r"(?:메일\s*)?(?:전송|배달|발송)\s*실패", r"반송")

PROMISE_CUE: tuple[str, ...] = (_TELL, r"결과")
PROMISE_DATES: tuple[tuple[str, str], ...] = (
    (r"(?:회신|답장|제출|회답)\s*(?:부탁|해\s*주시기|해주시기|바랍니다)", "candidate"),
    (r"{n}\s*영업일", "business_days"),
    (r"{n}\s*주일?\s*(?:이내|안에|내|후)", "weeks"),
    (r"{n}\s*일\s*(?:이내|안에|내)", "days"),
    (r"다음\s*주\s*{weekday}", "next_week_weekday"),
    (r"다음\s*주", "next_week"),
    (r"이번\s*주", "this_week"),
    (r"{month}\s*월\s*{day}\s*일", "day_month"),
    (r"{weekday}", "weekday"),
    (r"내일", "tomorrow"),
)
WEEKDAYS: dict[str, int] = {"월요일": 0, "화요일": 1, "수요일": 2, "목요일": 3, "금요일": 4, "토요일": 5, "일요일": 6}
MONTHS: dict[str, int] = {}  # months are numbers: "12월 10일"
NUMBERS: dict[str, int] = {"일": 1, "한": 1, "이": 2, "두": 2, "삼": 3, "세": 3, "사": 4, "네": 4}
