"""English: what rejections, offers, next steps, holding messages and auto-replies say.

Written against real recruiter mail (tests/reading/data/messages.yaml has the sources).
"""

CODE = "en"

_NEG_VERB = r"(?:won'?t|will\s+not|would\s+not|wouldn'?t|not\s+going\s+to|decided\s+not\s+to|not\s+to|not\s+be|unable\s+to|cannot|can'?t|not\s+able\s+to|no\s+longer)"
_PROGRESS = r"(?:moving|move|proceed(?:ing)?|progress(?:ing)?|advanc(?:e|ing)|continu(?:e|ing)|pursu(?:e|ing)|tak(?:e|ing))"
_CANDIDATES = r"(?:candidates?|applicants?|individuals?|people|person|profiles?)"

# Default phrase rules, one list per kind. Written against real recruiter mail.
RULES: dict[str, tuple[str, ...]] = {
    "rejection": (
        rf"\b(?:move|moving|moved|proceed(?:ing)?|go(?:ing)?|gone|went)\s+(?:forward\s+|ahead\s+)?with\s+(?:other|another|a\s+different|an?\s+(?:internal|external))\s+(?:\w+\s+){{0,2}}?{_CANDIDATES}",
        (rf"\b{_NEG_VERB}\s+(?:be\s+)?{_PROGRESS}(?:\s+(?:forward|ahead|further))?"
        r"(?:\s+(?:with\s+)?(?:you\b|your\b|(?:the|this)\s+(?:application|candidacy|process|role|position|opportunity|senior|junior|mid)\b)"
        r"|\s+(?:at\s+this\s+(?:time|stage|point)|this\s+time|any\s+further|at\s+the\s+moment|for\s+now)|\s*(?:[.,;!]|$))"),
        rf"\bdecided\s+to\s+(?:pursue|go\s+with|proceed\s+with|move\s+(?:forward|ahead)\s+with|focus\s+on|progress|hire|select)\s+(?:other|another|a\s+different|an?\s+(?:internal|external))\s+(?:\w+\s+){{0,2}}?{_CANDIDATES}",
        r"\b(?:position|role|job|vacancy|opening|req(?:uisition)?)\s+(?:has|have|had)\s+(?:now\s+|already\s+)?been\s+(?:filled|closed)\b",
        # filled from inside, or other candidates fitted better (backrow.app, 100hires.com templates)
        r"\b(?:fill|filled|filling)\s+(?:the|this)\s+(?:\w+\s+){0,2}?(?:role|position|job|vacancy)\s+(?:internally|with\s+an?\s+internal)",
        r"\b(?:role|position|job|vacancy)\s+(?:was|has\s+been|had\s+been|is\s+being)\s+filled\s+internally",
        r"\b(?:role|position|job)\s+(?:went|has\s+gone|is\s+going|will\s+go)\s+to\s+(?:an?\s+)?(?:internal|other|another|different)\s",
        rf"\b(?:position|role|job)\s+(?:has\s+been|was|had\s+been)\s+(?:offered|given)\s+to\s+(?:an?\s+|another\s+|other\s+)(?:\w+\s+){{0,2}}?(?:{_CANDIDATES}|someone)",
        rf"\bother\s+{_CANDIDATES}\s+(?:\w+\s+){{0,2}}?(?:fitted|fit|matched|suited)\s+(?:\w+\s+){{0,4}}?(?:better|more\s+closely)",
        rf"\bother\s+{_CANDIDATES}\s+(?:were|was|are|would\s+be)\s+(?:a\s+)?(?:better|closer|stronger)\s+(?:fit|match)",
        r"\b(?:(?:is|was)\s+not|isn'?t|wasn'?t|(?:don'?t|do\s+not)\s+(?:think|feel|believe)\s+(?:it'?s|this\s+is|you'?re|you\s+are|it\s+is))\s+(?:quite\s+)?(?:a|the)\s+(?:right|good|strong)\s+(?:fit|match)",
        r"\bwe\s+(?:have|'ve)\s+(?:now\s+|already\s+)?filled\s+(?:the|this)\s+(?:position|role|job|vacancy)",
        r"\bnot\s+(?:been\s+|be\s+)?(?:selected|successful|shortlisted|chosen)\b",
        r"\b(?:you\s+(?:were|have\s+been)|(?:application|candidacy)\s+(?:was|has\s+been|is|were))\s+unsuccessful|\bunsuccessful\s+(?:on\s+this\s+occasion|this\s+time)",
        r"\b(?:unable|not\s+(?:be\s+)?able|not\s+in\s+a\s+position)\s+to\s+(?:offer|extend)(?:\s+you)?(?:\s+(?:an?|the|this))?\s+(?:\w+\s+)?(?:offer|position|role|job|employment|opportunity)",
        r"\bunable\s+to\s+offer\s+you\b",
        rf"\b(?:chosen|selected|hired|picked|gone\s+with|went\s+with|decided\s+on|offered\s+the\s+(?:role|position|job)\s+to)\s+(?:another|a\s+different|an?\s+(?:internal|external)|a\s+more\s+\w+)\s+{_CANDIDATES}",
        r"\b(?:decided|chosen|opted|elected)\s+(?:not\s+to|against)\s+(?:make|making|move|moving|proceed|proceeding|progress|progressing|continue|continuing|advance|advancing|extend|extending|offer|offering|pursue|pursuing|hire|hiring)",
        r"\bnot\s+(?:be\s+)?(?:extend|extending|offer|offering)(?:\s+you)?\s+(?:an?\s+)?(?:offer|the\s+(?:role|position|job))",
        # "other candidates / a candidate whose experience more closely matches" (not "you were the candidate whose...")
        rf"\b(?:(?:other|another|a|an)\s+(?:\w+\s+){{0,2}}?{_CANDIDATES}|candidates|applicants)\s+(?:whose|who|that)\s+(?:\w+\s+){{0,5}}?(?:more\s+closely|most\s+closely|closer|better|best)\s+(?:match|matches|matched|align|aligns|fit|fits|suit|suits|meet|meets)?",
        r"\b(?:go(?:ing)?|gone|went)\s+in\s+a\s+different\s+direction",
        rf"\bother\s+{_CANDIDATES}\s+(?:whom?|that|who|we)\s+[^.;]{{0,60}}?\b(?:more\s+closely|better|more)\s+(?:match|matched|suited|qualified|aligned|fit)",
        rf"\b(?:offered|given)\s+the\s+(?:positions?|roles?|jobs?)\s+to\s+(?:\w+\s+){{0,3}}?(?:{_CANDIDATES}|someone|another)",
        r"\bdid\s+not\s+(?:select|choose|shortlist)\b",
        r"\b(?:closed|closing|close)\s+(?:out\s+)?your\s+(?:application|candidacy)",
        r"\bnot\s+(?:a\s+(?:good\s+|right\s+)?(?:fit|match)|the\s+right\s+fit)\s+(?:for|at)\b",
    ),
    # A role paused or withdrawn by the company (recruitera.ai, backrow.app, mailsparked templates; issue 21).
    "closed": (
        (r"\b(?:the|this|our)\s+(?:[\w-]+\s+){0,3}?(?:position|role|job|vacancy|opening|req(?:uisition)?|search|hiring)\s+"
        r"(?:has\s+been\s+|had\s+been\s+|was\s+|is\s+(?:being\s+|now\s+)?|will\s+be\s+)?(?:now\s+|temporarily\s+)?"
        r"(?:put\s+|placed\s+)?(?:on\s+hold|paused|frozen|cancell?ed|withdrawn|closed\s+(?:for\s+now|indefinitely))"),
        r"\b(?:no\s+longer|not\s+currently)\s+(?:hiring|recruiting)\s+for\s+(?:this|the)\s+(?:[\w-]+\s+){0,3}?(?:role|position|job|opening|vacancy)",
        r"\b(?:pause|paused|pausing|freeze|froze|frozen|freezing|suspend(?:ed|ing)?|halt(?:ed|ing)?)\s+(?:this\s+|the\s+|our\s+)?(?:search|hiring|recruitment|recruiting|requisition)\b",
        r"\bhiring\s+freeze\b",
    ),
    "offer": (
        r"\bpleased\s+to\s+(?:offer|extend)",
        r"\b(?:like|love|happy|delighted|thrilled|excited|glad)\s+to\s+(?:extend|make|offer)\s+(?:you\s+)?(?:an?\s+|the\s+)?(?:formal\s+|verbal\s+|written\s+)?offer",
        r"\boffer\s+you\s+(?:the|a)\s+(?:\w+\s+){0,3}?(?:position|role|job)\b",
        r"\boffer\s+letter\b",
        r"\b(?:formal|verbal|written|job|employment)\s+offer\b",
        r"\boffer\s+of\s+employment\b",
        r"\bextend(?:ing)?\s+(?:you\s+)?an\s+offer\b",
        r"\b(?:like|love|want|happy|pleased|excited|glad)\s+to\s+hire\s+you\b",
    ),
    "next_steps": (
        r"\bnext\s+(?:round|stage|interview)\b",
        r"\b(?:final|second|third|onsite|on-site|technical|panel|follow[\s-]?up|virtual\s+onsite)\s+(?:round|interview|stage)s?\b",
        r"\b(?:move|moving|advance|advancing|progress|progressing)\s+you\s+(?:forward|ahead|on|to)\b",
        r"\b(?:like|love|happy|excited|pleased|glad|want)\s+to\s+(?:move|moving)\s+(?:you\s+)?(?:forward|ahead)",
        r"\b(?:move|moving)\s+(?:forward|ahead)\s+with\s+(?:you|your)\b",
        r"\binvite\s+you\s+(?:back\s+)?(?:to|for)\b",
        r"\b(?:like|love|want)\s+(?:you|to\s+invite\s+you)\s+to\s+(?:interview|speak|meet|chat|talk|come)",
        r"\bconsider\s+you\s+for\s+(?:another|a\s+different|other|the)\s+(?:\w+\s+)?(?:role|position|opening)",
        r"\b(?:schedule|set\s+up|book|arrange)\s+(?:a|an|the|your|some)\s+(?:\w+\s+){0,2}?(?:interview|call|chat|conversation|meeting|round|onsite|time)",
        r"\bavailability\s+(?:for|next|this|over|in|on)\b",
        r"\b(?:share|send)\s+(?:me\s+|us\s+)?(?:your|some)\s+availability\b",
        r"\bwhat\s+times?\s+(?:work|would\s+work|suit)",
        r"\bre-?schedul\w*",
        r"\b(?:move|push|shift)\s+(?:it|the\s+(?:interview|call|meeting))?\s*to\s+(?:monday|tuesday|wednesday|thursday|friday|next\s+week|another\s+day)",
        r"\btake[\s-]?home\b|\bcoding\s+(?:exercise|challenge|assessment)\b",
        r"\b(?:talk|chat|speak)\s+(?:about|through)\s+(?:the\s+)?next\s+steps\b|\b(?:discuss|go\s+over)\s+(?:the\s+)?next\s+steps\b",
        r"\b(?:next|following)\s+(?:step|stage)\b[^.;!?]{0,60}?\b(?:case\s+study|assignment|assessment|exercise|task|challenge)\b",
        r"\bshort[\s-]?listed\s+for\b",
    ),
    "holding": (
        r"\bstill\s+(?:interviewing|reviewing|deciding|evaluating|considering|meeting|speaking|talking|gathering|waiting|finali[sz]ing|working\s+through)",
        r"\bha(?:ve|s)n'?t\s+(?:yet\s+)?(?:made|reached)\s+a\s+(?:final\s+)?decision|\bhave\s+not\s+(?:yet\s+)?(?:made|reached)\s+a\s+(?:final\s+)?decision",
        r"\bno\s+(?:final\s+)?decision\s+(?:has\s+been\s+made\s+)?yet\b",
        r"\b(?:need|needs|take|takes|taking)\s+(?:one|another|a\s+few|a\s+couple(?:\s+of)?|a\s+little)\s+(?:more|extra|additional|bit\s+(?:more|longer))",
        r"\bdecision\s+(?:by|within|early|next|before|in\s+the\s+next)\b",
        r"\b(?:expect|hope|aim|plan)\s+to\s+(?:have|make|reach|share)\s+(?:a|our|an|the)\s+(?:final\s+)?(?:decision|update|answer)",
        r"\b(?:will|'ll)\s+(?:get\s+back\s+to\s+you|be\s+in\s+touch|update\s+you|let\s+you\s+know|follow\s+up|circle\s+back)",
        r"\b(?:taking|take)\s+(?:a\s+bit\s+|a\s+little\s+)?longer\s+than\s+(?:we\s+)?(?:expected|anticipated|planned|hoped)",
        r"\bthank\s+you\s+for\s+your\s+patience\b",
        rf"\b(?:still\s+an?\s+(?:active\s+)?candidate|provide\s+you\s+with\s+an\s+update|(?:we\s+are|we're)\s+(?:still\s+)?(?:considering|reviewing|evaluating|interviewing)\s+(?:several|other|a\s+few|many|all|the)?\s*(?:strong\s+|remaining\s+)?{_CANDIDATES})",
        r"\b(?:put|placed|is|been)\s+(?:\w+\s+){0,8}?on\s+hold\b",
        r"\b(?:you'll|you\s+will|you\s+should|expect\s+to)\s+(?:hear\s+(?:back|from\s+us)|receive\s+(?:a|an|our)\s+(?:decision|update|answer))",
        r"\bdecisions?\s+will\s+(?:go\s+out|be\s+(?:made|sent|communicated|shared))",
        r"\b(?:have|get|provide|share)\s+(?:you\s+with\s+)?(?:an?\s+)?update\s+(?:for\s+you\s+)?(?:by|within|early|next|in|this)\b",
    ),
    "acknowledgement": (
        r"\bthanks?(?:\s+you)?\s+(?:so\s+much\s+)?for\s+(?:your|the)\s+(?:kind\s+)?(?:note|email|e-mail|message|follow[\s-]?up|thank[\s-]?you|words)",
        r"\b(?:got|received)\s+your\s+(?:email|note|message)",
        r"\breceived\b",
        r"\b(?:glad|happy)\s+(?:you\s+enjoyed|to\s+hear)",
        r"\b(?:pleasure|great|nice|lovely)\s+(?:meeting|speaking|talking|chatting)\s+(?:with\s+)?you",
        r"\bthank\s+you\s+for\s+(?:taking\s+the\s+time|your\s+time|meeting|coming\s+in|interviewing)",
    ),
}

AUTO_SUBJECT: tuple[str, ...] = (
    r"automatic\s+reply", r"auto(?:matic)?[\s-]*(?:reply|response|respon[cs]e)", r"autoreply", r"autoresponse",
    r"auto\s*:", r"out\s+of\s+(?:the\s+)?office", r"ooo\b", r"away\s+from\s+(?:the\s+)?office", r"away\s+until\b",
    r"on\s+vacation", r"on\s+leave", r"on\s+holiday",
)
# English out-of-office bodies are read by a finer rule in interview_bot.reading.machine (they must open the message).
AUTO_BODY: tuple[str, ...] = ()
SILENCE: tuple[str, ...] = (
    r"\b(?:if|should)\s+you\s+(?:do\s+not|don'?t|have\s+not|haven'?t|did\s+not|didn'?t|not)\s+(?:hear|heard|received?)\b",
    r"\bif\s+you\s+(?:are|were)\s+not\s+contacted\b",
    r"\b(?:no|without\s+a)\s+(?:news|response|reply)\s+(?:from\s+us\s+)?(?:by|within|after)\b",
)

# Quote attributions, whole (possibly wrapped) lines: Gmail, Apple Mail, Outlook mobile, Android,
# Thunderbird ("On <date>, <person> wrote:"), with or without the colon, between dashes on
# Android and Yahoo ("---- John Smith wrote ----"), and "... <address> wrote:" (Samsung).
ATTRIBUTION: tuple[str, ...] = (
    r"-*\s*on\s(?=[^\n]*\d).{4,300}?\b(?:wrote|sent)\s*:?\s*-*",
    r"-{2,}\s*.{1,120}?\bwrote\s*:?\s*-{2,}",
    r".{0,200}?[\w.+'-]+@[\w-]+(?:\.[\w-]+)+>?\)?\s*wrote\s*:",
)
HEADER_FROM: tuple[str, ...] = ("From",)
HEADER_FIELDS: tuple[str, ...] = ("Sent", "Date", "To", "Cc", "Bcc", "Subject", "Reply-To")
ORIGINAL_MESSAGE: tuple[str, ...] = ("Original Message", "Reply Message", "Original")
BOUNCE_SUBJECT: tuple[str, ...] = (
    r"delivery\s+status\s+notification", r"undeliverable", r"undelivered\s+mail", r"mail\s+delivery\s+(?:failed|failure|subsystem)",
    r"returned\s+mail", r"delivery\s+(?:has\s+)?failed", r"delivery\s+failure", r"failure\s+notice", r"message\s+not\s+delivered",
    r"address\s+not\s+found", r"delivery\s+(?:status\s+)?notification\s*\(failure\)", r"could\s+not\s+send\s+message",
    r"mail\s+system\s+error", r"non[\s-]?delivery\s+report", r"warning:\s+could\s+not\s+send",
    # mailing-list error mail (Mailman 2.1's own subjects; Google Groups)
    r"uncaught\s+bounce\s+notification", r"bounce\s+action\s+notification", r"your\s+message\s+to\s+\S+\s+awaits\s+moderator",
    r"message\s+rejected\s+by\s+(?:the\s+)?(?:list|group)",
)
