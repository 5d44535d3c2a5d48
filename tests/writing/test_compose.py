"""compose: templates to RFC 822 drafts. Rendered drafts are compared with tests/writing/golden/*.txt;
run with UPDATE_GOLDEN=1 to rewrite them on purpose (then read the diff)."""

from __future__ import annotations

import os
from datetime import UTC, datetime, timedelta
from email import policy
from email.message import EmailMessage
from email.parser import BytesParser
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from interview_bot.errors import BotError, ConfigError
from interview_bot.model import FollowUp, FollowUpKind, Interview, OutgoingMail, Person, ThreadRef
from interview_bot.writing.addresses import valid_address
from interview_bot.writing.compose import (
    BOT_KEY_HEADER,
    NoRecipientError,
    Templates,
    bot_key_header,
    build_context,
    compose,
    greeting_names,
    key_from_bot_header,
    message_id_for,
    sample_contexts,
    unfilled_markers,
)

GOLDEN = Path(__file__).parent / "golden"
TOKYO = ZoneInfo("Asia/Tokyo")
UTC_ZONE = ZoneInfo("UTC")
JANE = Person("jane.roe@initech.example", "Jane Roe")
DALE = Person("dale.simon@initech.example", "Dale Simon")
ME = Person("sam.jones@gmail.com", "Sam Jones")
# Monday 2024-06-03 23:30 UTC is Tuesday 08:30 in Tokyo.
START = datetime(2024, 6, 3, 23, 30, tzinfo=UTC)
NOW = START + timedelta(hours=3)


def interview(**changes: object) -> Interview:
    fields: dict[str, object] = {
        "id": "sam@gmail.com/evt1",
        "calendar_id": "sam@gmail.com",
        "event_id": "evt1",
        "title": "Initech: Data Analyst interview with Sam Jones",
        "company": "Initech",
        "role": "Data Analyst",
        "start": START,
        "end": START + timedelta(minutes=45),
        "time_zone": "Europe/London",
        "interviewers": (JANE, DALE),
        "meeting_link": "https://meet.google.com/abc-defg-hij",
    }
    fields.update(changes)
    return Interview(**fields)  # type: ignore[arg-type]


def follow_up(recipients: tuple[Person, ...] = (JANE, DALE), kind: FollowUpKind = FollowUpKind.THANK_YOU,
              key: str = "sam@gmail.com/evt1#thank_you") -> FollowUp:
    return FollowUp(key, "sam@gmail.com/evt1", kind, NOW, recipients)


def make(
    fu: FollowUp | None = None,
    iv: Interview | None = None,
    thread: ThreadRef | None = None,
    templates: Templates | None = None,
    tz: ZoneInfo = TOKYO,
    me: Person = ME,
) -> OutgoingMail:
    return compose(fu or follow_up(), iv or interview(), me, thread, templates or Templates(None), tz, NOW)


def parse(mail: OutgoingMail) -> EmailMessage:
    msg = BytesParser(policy=policy.default).parsebytes(mail.raw)
    assert isinstance(msg, EmailMessage)
    return msg


def part(msg: EmailMessage, subtype: str) -> str | None:
    body = msg.get_body(preferencelist=(subtype,))
    if body is None or body.get_content_subtype() != subtype:
        return None
    content = body.get_content()
    assert isinstance(content, str)
    return content.replace("\r\n", "\n")  # the wire format is CRLF; compare text as text


def render_for_golden(mail: OutgoingMail) -> str:
    """Headers a reader cares about, decoded, then each body part."""
    msg = parse(mail)
    lines = [f"{h}: {msg[h]}" for h in ("From", "To", "Subject", "Date", "Message-ID", "In-Reply-To",
                                       "References", BOT_KEY_HEADER) if msg[h] is not None]
    lines.append(f"thread_id: {mail.thread_id or '(none)'}")
    for subtype in ("plain", "html"):
        content = part(msg, subtype)
        if content is not None:
            lines += ["", f"----- text/{subtype} -----", content.rstrip("\n")]
    return "\n".join(lines) + "\n"


def assert_golden(name: str, actual: str) -> None:
    path = GOLDEN / f"{name}.txt"
    if os.environ.get("UPDATE_GOLDEN") == "1":
        path.parent.mkdir(exist_ok=True)
        path.write_bytes(actual.encode())
    assert path.exists(), f"{path} missing; run with UPDATE_GOLDEN=1 to create it"
    assert actual == path.read_bytes().decode(), f"{path} differs; UPDATE_GOLDEN=1 rewrites it"


# ------------------------------------------------------------------ golden drafts


def test_thank_you_to_two_interviewers_golden() -> None:
    mail = make()
    assert_golden("thank_you_two_interviewers", render_for_golden(mail))
    assert "Dear Jane and Dale," in mail.body_text
    # 23:30 UTC Monday is Tuesday in Tokyo, as is the time of drafting: the day is the user's, "today".
    assert "speak with me today about the Data Analyst role at Initech." in mail.body_text
    assert mail.subject == "Thank you — Data Analyst interview at Initech"
    assert [p.email for p in mail.to] == [JANE.email, DALE.email]
    assert mail.bot_key == "sam@gmail.com/evt1#thank_you"
    assert mail.thread_id == ""


def test_same_interview_is_monday_in_utc() -> None:
    assert "speak with me yesterday about" in make(tz=UTC_ZONE).body_text


def test_per_interviewer_draft_golden() -> None:
    mail = make(follow_up((DALE,), key="sam@gmail.com/evt1#thank_you#dale.simon@initech.example"))
    assert_golden("thank_you_per_interviewer", render_for_golden(mail))
    msg = parse(mail)
    assert [a.addr_spec for a in msg["To"].addresses] == [DALE.email]
    assert "Dear Dale," in mail.body_text


def test_missing_role_golden() -> None:
    mail = make(iv=interview(role="", title="Chat with Jane"))
    assert_golden("thank_you_missing_role", render_for_golden(mail))
    assert "speak with me today about the opportunity at Initech." in mail.body_text
    assert " role" not in mail.body_text and "  " not in mail.body_text
    assert mail.subject == "Thank you for the interview at Initech"


def test_missing_role_and_company() -> None:
    mail = make(iv=interview(role="", company=""))
    assert "speak with me today.\n" in mail.body_text
    assert "what the team needs" in mail.body_text
    assert mail.subject == "Thank you for your time"


@pytest.mark.parametrize("kind", [FollowUpKind.STATUS_CHECK, FollowUpKind.FEEDBACK_REQUEST])
def test_future_kinds_render_golden(kind: FollowUpKind) -> None:
    mail = make(follow_up((JANE,), kind=kind, key=f"sam@gmail.com/evt1#{kind.value}"))
    assert_golden(kind.value, render_for_golden(mail))
    assert unfilled_markers(mail.body_text)
    assert mail.body_text.rstrip().endswith("Sam Jones")


def test_reply_into_thread_golden() -> None:
    thread = ThreadRef(
        thread_id="18f0a1b2c3d4e5f6",
        message_id="<CAJx7Yd=long-gmail-style-message-id-0123456789abcdefghijklmnop@mail.gmail.com>",
        references="<first@ats.example> <second@mail.gmail.com>",
        subject="Your application to Initech",
    )
    fu = follow_up((JANE,), kind=FollowUpKind.FEEDBACK_REQUEST, key="sam@gmail.com/evt1#feedback_request")
    mail = make(fu, thread=thread)
    assert_golden("feedback_request_reply", render_for_golden(mail))
    msg = parse(mail)
    assert msg["Subject"] == "Re: Your application to Initech"
    assert msg["In-Reply-To"] == thread.message_id
    assert msg["References"].split() == ["<first@ats.example>", "<second@mail.gmail.com>", thread.message_id]
    assert mail.thread_id == "18f0a1b2c3d4e5f6"
    # Long msg-ids stay literal: the stdlib would fold them into =?utf-8?q?...?= and break threading.
    assert b"=?utf-8?q?=3C" not in mail.raw
    assert f"In-Reply-To: {thread.message_id}\r\n".encode() in mail.raw


# ------------------------------------------------------------------ threading


@pytest.mark.parametrize("subject", ["Re: Interview", "RE: Interview", "re:Interview"])
def test_no_double_re(subject: str) -> None:
    mail = make(thread=ThreadRef("t1", "<a@b.example>", "", subject))
    assert mail.subject == subject
    assert parse(mail)["Subject"] == subject


def test_thread_without_references_and_bare_message_id() -> None:
    msg = parse(make(thread=ThreadRef("t1", "abc@b.example", "", "Interview")))
    assert msg["In-Reply-To"] == "<abc@b.example>"
    assert msg["References"] == "<abc@b.example>"
    assert msg["Subject"] == "Re: Interview"


def test_hostile_thread_headers_stay_inert() -> None:
    thread = ThreadRef(
        "t1",
        message_id="<a@b.example>\r\nBcc: evil@x.example",
        references="<ok@x.example> <bad\r\nBcc: evil@x.example>",
        subject="Hello\r\nBcc: evil@x.example",
    )
    mail = make(thread=thread)
    msg = parse(mail)
    assert msg["Bcc"] is None
    assert msg["In-Reply-To"] is None and msg["References"] is None  # unusable id: no threading headers
    assert msg["Subject"] == "Re: Hello Bcc: evil@x.example"
    assert mail.thread_id == "t1"


def test_long_reference_chain_is_trimmed_keeping_first_and_latest() -> None:
    refs = " ".join(f"<m{i}@x.example>" for i in range(40))
    mail = make(thread=ThreadRef("t1", "<last@x.example>", refs, "Hi"))
    ids = parse(mail)["References"].split()
    assert len(ids) == 20 and ids[0] == "<m0@x.example>" and ids[-1] == "<last@x.example>"
    assert all(len(line) <= 78 for line in mail.raw.split(b"\r\n\r\n")[0].split(b"\r\n"))


# ------------------------------------------------------------------ headers and identity


def test_non_ascii_display_names_are_encoded_and_round_trip() -> None:
    zoe = Person("zoe@initech.example", "Zoë Ångström")
    mail = make(follow_up((zoe,)), me=Person("sam@gmail.com", "Samuël Jönes"))
    header_block = mail.raw.split(b"\r\n\r\n", 1)[0]
    assert header_block.isascii()
    assert "Zoë".encode() not in header_block
    msg = parse(mail)
    (to,) = msg["To"].addresses
    assert (to.display_name, to.addr_spec) == ("Zoë Ångström", "zoe@initech.example")
    assert msg["From"].addresses[0].display_name == "Samuël Jönes"
    assert "Dear Zoë," in part(msg, "plain")  # type: ignore[operator]


def test_message_id_and_bot_key_are_deterministic() -> None:
    a, b = make(), make()
    assert parse(a)["Message-ID"] == parse(b)["Message-ID"] == message_id_for("sam@gmail.com/evt1#thank_you")
    assert parse(a)[BOT_KEY_HEADER] == bot_key_header("sam@gmail.com/evt1#thank_you")
    assert parse(a)["Date"] == "Tue, 04 Jun 2024 11:30:00 +0900"


def test_bot_key_header_is_ascii_and_reversible() -> None:
    key = "c_ab12@group.calendar.google.com/ev t\r\nBcc:x_R2024#thank_you#zoë@x.example"
    value = bot_key_header(key)
    assert value.isascii() and " " not in value and "\r" not in value and "\n" not in value
    assert key_from_bot_header(value) == key
    mail = make(follow_up(key=key))
    assert parse(mail)[BOT_KEY_HEADER] == value
    assert parse(mail)["Bcc"] is None
    huge = "x" * 2000
    assert bot_key_header(huge).startswith("sha256:") and key_from_bot_header(bot_key_header(huge)) is None


def test_header_injection_via_display_name() -> None:
    evil = Person("a@initech.example", "Evil\r\nBcc: x@y.example")
    sneaky = Person("c@initech.example", 'Ev "il" <x@y.example>, z@w.example')
    mail = make(follow_up((evil, sneaky)))
    msg = parse(mail)
    assert msg["Bcc"] is None
    assert [a.addr_spec for a in msg["To"].addresses] == ["a@initech.example", "c@initech.example"]
    assert b"\r\nBcc:" not in mail.raw


def test_header_injection_via_title_and_subject_template(tmp_path: Path) -> None:
    # The title feeds role/company; a user subject template may even emit newlines itself.
    (tmp_path / "thank_you.subject.j2").write_text("Thanks\n{{ interview.title }}\nBcc: x@y.example\n")
    iv = interview(title="Interview\r\nBcc: x@y.example", role="Analyst\nBcc: x@y.example")
    mail = make(iv=iv, templates=Templates(tmp_path))
    msg = parse(mail)
    assert msg["Bcc"] is None
    assert "\n" not in msg["Subject"] and "\r" not in msg["Subject"]
    assert msg["Subject"] == "Thanks Interview Bcc: x@y.example Bcc: x@y.example"
    assert "Analyst Bcc: x@y.example role" in mail.body_text  # inert text in the body, one line


def test_bidi_and_control_characters_removed_from_names() -> None:
    mail = make(follow_up((Person("a@initech.example", "Jane\u202eRoe\x1b[31m"),)))
    to = parse(mail)["To"].addresses[0]
    assert to.display_name == "Jane Roe [31m"


# ------------------------------------------------------------------ addresses


@pytest.mark.parametrize("email", [
    "jane@initech.example", "jane.roe+jobs@mail.initech.co.uk", "o'brien@x.io", "a@xn--bcher-kva.de",
    "a@bücher.de",
])
def test_valid_addresses(email: str) -> None:
    assert valid_address(email)


@pytest.mark.parametrize("email", [
    "", "jane", "jane@", "@initech.example", "jane@@initech.example", "a@b@initech.example",
    "jane roe@initech.example", " jane@initech.example", "jane@initech.example\r\nBcc: x@y.example",
    "jane@initech.example\n", "jane@localhost", "jane@-initech.example", "jane@initech..example",
    "jane@initech.123", "jane@[10.0.0.1]", '"jane roe"@initech.example', ".jane@initech.example",
    "jane.@initech.example", "ja..ne@initech.example", "jöne@initech.example", "a@" + "b" * 64 + ".com",
    "x" * 65 + "@initech.example",
])
def test_invalid_addresses(email: str) -> None:
    assert not valid_address(email)


def test_invalid_recipients_dropped_and_duplicates_and_self_removed() -> None:
    bad = Person("dale@@initech.example", "Dale")
    mail = make(follow_up((bad, JANE, Person("JANE.ROE@initech.example", "Jane again"), ME)))
    assert [p.email for p in mail.to] == [JANE.email]
    assert [a.addr_spec for a in parse(mail)["To"].addresses] == [JANE.email]
    assert "Dear Jane," in mail.body_text


def test_idn_domain_goes_out_as_punycode() -> None:
    mail = make(follow_up((Person("jane@bücher.de", "Jane"),)))
    assert [a.addr_spec for a in parse(mail)["To"].addresses] == ["jane@xn--bcher-kva.de"]


def test_no_valid_recipient_raises_skippable_error() -> None:
    with pytest.raises(NoRecipientError) as err:
        make(follow_up((Person("not an address", "X"), Person("a@b\r\nc.example", "Y"))))
    assert str(err.value) == "no valid address"
    assert isinstance(err.value, ValueError)  # what the engine catches to record "skipped"
    assert err.value.dropped == ["not an address", "a@b\r\nc.example"]


# ------------------------------------------------------------------ HTML


def test_html_alternative_autoescapes_untrusted_values() -> None:
    iv = interview(company="<script>alert(1)</script>", role='Analyst" onmouseover="x')
    mail = make(iv=iv)
    msg = parse(mail)
    assert msg.get_content_type() == "multipart/alternative"
    html = part(msg, "html")
    assert html is not None
    assert "<script>" not in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert 'onmouseover="x' not in html
    # The plain part is not escaped: it is text, shown as text.
    assert "<script>alert(1)</script>" in mail.body_text


def test_every_kind_has_an_html_part_made_from_its_text() -> None:
    msg = parse(make(follow_up((JANE,), kind=FollowUpKind.STATUS_CHECK, key="k#status_check")))
    assert msg.get_content_type() == "multipart/alternative"


def test_meeting_link_only_http(tmp_path: Path) -> None:
    (tmp_path / "thank_you.txt.j2").write_text("[{{ interview.meeting_link }}]\n")
    mail = make(iv=interview(meeting_link="javascript:alert(1)"), templates=Templates(tmp_path))
    assert mail.body_text == "[]\n"


# ------------------------------------------------------------------ user templates and check()


def test_user_folder_overrides_shipped_text_and_drops_shipped_html(tmp_path: Path) -> None:
    (tmp_path / "thank_you.txt.j2").write_text(
        "Dear {{ greeting_names }},\n"
        "thanks for {{ interview.start | date('%A %-d %B') }}.\n"
        "{{ me.first_name }}\n"
    )
    mail = make(templates=Templates(tmp_path))
    assert mail.body_text == "Dear Jane and Dale,\nthanks for Tuesday 4 June.\nSam\n"
    msg = parse(mail)
    # No shipped HTML, which could say something else than the user's text: the HTML is made from that text.
    assert part(msg, "html") == "<div>\n<p>Dear Jane and Dale,<br>\nthanks for Tuesday 4 June.<br>\nSam</p>\n</div>\n"
    # The subject still falls back to the shipped one.
    assert mail.subject == "Thank you — Data Analyst interview at Initech"


def test_user_html_and_subject_used_with_user_text(tmp_path: Path) -> None:
    (tmp_path / "thank_you.txt.j2").write_text("Hi {{ greeting_names }}\n")
    (tmp_path / "thank_you.html.j2").write_text("<p>Hi {{ greeting_names }}</p>\n")
    (tmp_path / "thank_you.subject.j2").write_text("Thanks, {{ company }}!\n")
    msg = parse(make(templates=Templates(tmp_path)))
    assert part(msg, "html") == "<p>Hi Jane and Dale</p>\n"
    assert msg["Subject"] == "Thanks, Initech!"


def test_builtin_prefix_reaches_shipped_template(tmp_path: Path) -> None:
    (tmp_path / "thank_you.txt.j2").write_text('{% include "builtin/thank_you.txt.j2" %}\nP.S. hello\n')
    mail = make(templates=Templates(tmp_path))
    assert "Dear Jane and Dale," in mail.body_text and mail.body_text.endswith("P.S. hello\n")


def test_custom_template_name(tmp_path: Path) -> None:
    (tmp_path / "short_thanks.txt.j2").write_text("Thanks {{ greeting_names }}!\n")
    templates = Templates(tmp_path)
    mail = compose(follow_up(), interview(), ME, None, templates, TOKYO, NOW, template_name="short_thanks")
    assert mail.body_text == "Thanks Jane and Dale!\n"
    assert mail.subject == "Thank you — Data Analyst interview — Initech"


def test_check_shipped_templates_are_clean() -> None:
    assert Templates(None).check(["thank_you", "status_check", "feedback_request"]) == []


def test_check_reports_typo_with_file_and_line(tmp_path: Path) -> None:
    path = tmp_path / "thank_you.txt.j2"
    path.write_text("Hi {{ greeting_names }},\n\nAbout {{ interview.role }}\nat {{ interview.compnay }}.\n")
    problems = Templates(tmp_path).check(["thank_you"])
    assert problems == [f"{path}:4: 'interview' has no attribute 'compnay'"]


def test_check_reports_undefined_variable_in_branch_only_some_samples_take(tmp_path: Path) -> None:
    path = tmp_path / "thank_you.txt.j2"
    path.write_text("Hi\n{% if not role %}\n{{ rol }}\n{% endif %}\n")
    assert Templates(tmp_path).check(["thank_you"]) == [f"{path}:3: 'rol' is undefined"]


def test_check_reports_syntax_error_with_line(tmp_path: Path) -> None:
    path = tmp_path / "thank_you.txt.j2"
    path.write_text("Hi\n{% if role %}\nno end\n")
    (problem,) = Templates(tmp_path).check(["thank_you"])
    assert problem.startswith(f"{path}:")
    assert "endif" in problem or "end of template" in problem


def test_check_reports_missing_template_and_orphan_html(tmp_path: Path) -> None:
    (tmp_path / "thank_you.html.j2").write_text("<p>hi</p>")
    problems = Templates(tmp_path).check(["thank_you", "nope"])
    assert problems == [
        f"{tmp_path / 'thank_you.html.j2'}: ignored: thank_you.txt.j2 must be in the same folder",
        f"nope.txt.j2: template not found in {tmp_path} or the shipped templates",
    ]
    assert Templates(tmp_path / "missing").check([])[0].endswith("templates folder not found")


def test_render_error_at_compose_time_is_a_config_error(tmp_path: Path) -> None:
    (tmp_path / "thank_you.txt.j2").write_text("{{ me.nmae }}\n")
    with pytest.raises(ConfigError) as err:
        make(templates=Templates(tmp_path))
    assert err.value.problems == [f"{tmp_path / 'thank_you.txt.j2'}:1: 'person' has no attribute 'nmae'"]


# ------------------------------------------------------------------ small helpers


def test_greeting_names() -> None:
    sam = Person("sam@x.example", "Sam Lee")
    assert greeting_names([]) == ""
    assert greeting_names([JANE]) == "Jane"
    assert greeting_names([JANE, DALE]) == "Jane and Dale"
    assert greeting_names([JANE, DALE, sam]) == "Jane, Dale and Sam"
    # A group mailbox is never greeted; an address alone is a marker, never a guess from its local part.
    assert greeting_names([Person("hr@x.example"), JANE]) == "Jane"
    assert greeting_names([Person("1234@x.example")]) == "[[NAME]]"
    assert greeting_names([Person("jane.roe@x.example")]) == "[[NAME]]"
    assert greeting_names([Person("a@x.example", "Roe, Jane"), Person("b@x.example", "Dr. Dale Simon")]) == "Jane and Dale"
    assert greeting_names([JANE], "de") == "Jane Roe"


def test_greeting_falls_back_when_no_first_name() -> None:
    assert "Dear [[NAME]]," in make(follow_up((Person("123@initech.example"),))).body_text


def test_interview_day_adds_date_after_a_week() -> None:
    ctx = build_context(follow_up(), interview(), ME, [JANE], TOKYO, NOW + timedelta(days=9))
    assert ctx["interview_day"] == "Tuesday, June 4"
    assert ctx["interview"].start.tzinfo == TOKYO


def test_sample_contexts_cover_with_and_without_role() -> None:
    roles = {ctx["role"] for ctx in sample_contexts()}
    assert roles == {"Data Analyst", ""}


def test_user_html_template_autoescapes_too(tmp_path: Path) -> None:
    (tmp_path / "thank_you.txt.j2").write_text("Hi\n")
    (tmp_path / "thank_you.html.j2").write_text("<p>{{ company }}</p>\n")
    msg = parse(make(iv=interview(company="<img src=x onerror=alert(1)>"), templates=Templates(tmp_path)))
    assert part(msg, "html") == "<p>&lt;img src=x onerror=alert(1)&gt;</p>\n"


def test_date_filter_misuse_reported_with_line(tmp_path: Path) -> None:
    path = tmp_path / "thank_you.txt.j2"
    path.write_text("Hi\n{{ company | date('%A') }}\n")
    assert Templates(tmp_path).check(["thank_you"]) == [f"{path}:2: date filter needs a datetime, got str"]


def test_invalid_own_address_is_an_error() -> None:
    with pytest.raises(BotError, match="your own address"):
        make(me=Person("me@", "Me"))


def test_a_template_that_does_not_sign_gets_the_whole_signature(tmp_path: Path) -> None:
    """Whether the signature is added depends on whether the template uses it, not on its first line
    appearing in the text: a user's template signing with {{ me.name }} still gets the title and phone."""
    from interview_bot.writing.voice import Voice

    (tmp_path / "thank_you.txt.j2").write_text("Dear {{ greeting_names }},\nthanks.\n{{ me.name }}\n")
    voice = Voice(signature="Sam Jones\nData Analyst\n+44 20 7946 0000")
    mail = compose(follow_up(), interview(), ME, None, Templates(tmp_path), TOKYO, NOW, voice=voice)
    assert mail.body_text.endswith("-- \nSam Jones\nData Analyst\n+44 20 7946 0000\n")
    (tmp_path / "thank_you.txt.j2").write_text("Dear {{ greeting_names }},\nthanks.\n{{ signature }}\n")
    mail = compose(follow_up(), interview(), ME, None, Templates(tmp_path), TOKYO, NOW, voice=voice)
    assert mail.body_text.count("+44 20 7946 0000") == 1 and "-- " not in mail.body_text


def test_a_hash_in_the_calendar_id_does_not_make_a_note_per_interviewer() -> None:
    """Whether a thank-you is one interviewer's own note is read from its key as the planner makes it, not by
    counting '#': calendar ids can hold one ("en.uk#holiday@group.v.calendar.google.com")."""
    from interview_bot.planning.plan import thank_you_key
    from interview_bot.writing.compose import build_context

    iv = interview(id="team#cal@group.calendar.google.com/evt1", interviewers=(JANE, DALE))
    one = FollowUp(thank_you_key(iv.id, None), iv.id, FollowUpKind.THANK_YOU, NOW, (JANE,))
    assert build_context(one, iv, ME, (JANE,), TOKYO, NOW)["detail_for"] == ""
    own = FollowUp(thank_you_key(iv.id, JANE), iv.id, FollowUpKind.THANK_YOU, NOW, (JANE,))
    assert build_context(own, iv, ME, (JANE,), TOKYO, NOW)["detail_for"] == "Jane Roe"
