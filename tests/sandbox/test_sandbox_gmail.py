"""The sandbox's Gmail, driven through the real google-api-python-client."""

from __future__ import annotations

import base64
import json
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from email import message_from_bytes, policy
from email.message import EmailMessage
from typing import Any, NamedTuple

import pytest
from googleapiclient.errors import HttpError

from interview_bot.clock import FixedClock
from interview_bot.sandbox.errors import ApiError
from interview_bot.sandbox.gmail_api import GmailApi
from interview_bot.sandbox.pytest_plugin import services_for
from interview_bot.sandbox.server import Sandbox

ME = "alex@example.com"
NOW = datetime(2024, 3, 15, 12, 0, tzinfo=UTC)


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock(NOW)


@pytest.fixture
def sandbox_at_now(make_sandbox: Callable[..., Sandbox], clock: FixedClock) -> Sandbox:
    return make_sandbox(email=ME, clock=clock)


@pytest.fixture
def account(sandbox_at_now: Sandbox) -> GmailApi:
    """The sandbox's Gmail account, for seeding and for looking behind the API."""
    return sandbox_at_now.gmail


@pytest.fixture
def gmail(sandbox_at_now: Sandbox) -> Any:
    """gmail.users() of a real client talking to the sandbox over loopback HTTP."""
    return services_for(sandbox_at_now).gmail.users()


def mail(
    subject: str,
    frm: str = "Jane Roe <jane@initech.com>",
    to: str = ME,
    body: str = "Hello",
    msgid: str = "",
    reply_to: str = "",
    date: datetime | None = None,
    cc: str = "",
    attachment: bool = False,
) -> bytes:
    msg = EmailMessage()
    msg["From"] = frm
    msg["To"] = to
    if cc:
        msg["Cc"] = cc
    msg["Subject"] = subject
    msg["Date"] = (date or NOW).strftime("%a, %d %b %Y %H:%M:%S +0000")
    if msgid:
        msg["Message-ID"] = msgid
    if reply_to:
        msg["In-Reply-To"] = reply_to
        msg["References"] = reply_to
    msg.set_content(body)
    if attachment:
        msg.add_attachment(b"%PDF-1.4 fake", maintype="application", subtype="pdf", filename="offer.pdf")
    return msg.as_bytes()


def b64(raw: bytes) -> str:
    return base64.urlsafe_b64encode(raw).decode()


def at(day: int, month: int = 3) -> datetime:
    return datetime(2024, month, day, 12, 0, tzinfo=UTC)


# --- search -----------------------------------------------------------------------------


class Mailbox(NamedTuple):
    gmail: Any
    ids: dict[str, str]  # message id by a short name


@pytest.fixture(scope="module")
def mailbox() -> Iterator[Mailbox]:
    """A small mailbox the search tests only read, so one sandbox serves them all."""
    with Sandbox(email=ME, clock=FixedClock(NOW)) as sandbox:
        gmail = services_for(sandbox).gmail.users()
        yield Mailbox(gmail, _seed(sandbox.gmail, gmail))


def _seed(account: GmailApi, gmail: Any) -> dict[str, str]:
    jobs = account.add_label("Job Hunt")
    ids = {
        "initech": account.deliver(
            mail("Interview with Initech", body="Looking forward to Tuesday.", msgid="<i1@initech.com>"),
            internal_date=at(10))["id"],
        "globex": account.deliver(
            mail("Your application at Globex", frm="Globex Recruiting <recruiter@globex.com>",
                 cc="jane@initech.com", body="We regret to inform you.", attachment=True),
            label_ids=["INBOX", "IMPORTANT", "STARRED"], internal_date=at(1, 2))["id"],
        "thanks": account.deliver(
            mail("Thank you", frm=ME, to="Bob Hooli <bob@hooli.com>", body="Thanks for your time."),
            label_ids=["SENT"], internal_date=at(14))["id"],
        "spam": account.deliver(mail("Interview prize", frm="win@spam.biz"), label_ids=["SPAM"],
                                internal_date=at(12))["id"],
        "trash": account.deliver(mail("Old interview", body="stale"), label_ids=["TRASH"],
                                 internal_date=at(11))["id"],
        "offer": account.deliver(mail("Offer letter", frm="HR <hr@initech.com>"), label_ids=["INBOX", "UNREAD", jobs],
                                 internal_date=at(13))["id"],
    }
    draft = gmail.drafts().create(userId="me", body={"message": {"raw": b64(
        mail("Re: Interview with Initech", frm=ME, to="jane@initech.com", body="Thank you, Jane!"))}}).execute()
    ids["draft"] = draft["message"]["id"]
    return ids


def search(gmail: Any, **kwargs: Any) -> list[str]:
    return [m["id"] for m in gmail.messages().list(userId="me", **kwargs).execute().get("messages", [])]


@pytest.mark.parametrize(
    "q, expected",
    [
        ("", ["draft", "thanks", "offer", "initech", "globex"]),  # newest first; no spam or trash
        ("from:initech.com", ["offer", "initech"]),
        ("from:@initech.com", ["offer", "initech"]),
        ('from:"Globex Recruiting"', ["globex"]),
        ("from:me", ["draft", "thanks"]),
        ("to:jane@initech.com", ["draft"]),
        ("cc:jane", ["globex"]),
        ("subject:interview", ["draft", "initech"]),
        ('subject:"application at globex"', ["globex"]),
        ("tuesday", ["initech"]),
        ('"regret to inform"', ["globex"]),
        ("interview -in:drafts", ["initech"]),
        ("-from:initech.com -from:me", ["globex"]),
        ("regret OR tuesday", ["initech", "globex"]),
        ("{regret tuesday}", ["initech", "globex"]),
        ("(regret OR tuesday) from:jane", ["initech"]),
        ("after:2024/03/10", ["draft", "thanks", "offer", "initech"]),
        ("after:2024-03-11 before:2024/03/14", ["offer"]),
        (f"before:{int(at(10).timestamp())}", ["globex"]),
        ("newer_than:3d", ["draft", "thanks", "offer"]),
        ("newer_than:2d", ["draft", "thanks"]),  # strictly newer: offer is exactly 2 days old
        ("older_than:1m", ["globex"]),
        ("in:inbox", ["offer", "initech", "globex"]),
        ("in:sent", ["thanks"]),
        ("in:drafts", ["draft"]),
        ("in:spam", ["spam"]),
        ("in:trash", ["trash"]),
        ("in:anywhere interview", ["draft", "spam", "trash", "initech"]),
        ("label:job-hunt", ["offer"]),
        ("is:unread", ["offer", "initech"]),
        ("is:read", ["draft", "thanks", "globex"]),
        ("is:starred", ["globex"]),
        ("is:important", ["globex"]),
        ("has:attachment", ["globex"]),
        ("rfc822msgid:<i1@initech.com>", ["initech"]),
        ("rfc822msgid:i1@initech.com", ["initech"]),
        ("nosuchword", []),
    ],
)
def test_messages_list_search(mailbox: Mailbox, q: str, expected: list[str]) -> None:
    names = {v: k for k, v in mailbox.ids.items()}
    assert [names[i] for i in search(mailbox.gmail, q=q)] == expected


def test_list_label_ids_spam_trash_and_paging(mailbox: Mailbox) -> None:
    gmail, ids = mailbox
    assert search(gmail, labelIds=["INBOX", "UNREAD"]) == [ids["offer"], ids["initech"]]
    assert search(gmail, labelIds=["TRASH"]) == [ids["trash"]]
    assert set(search(gmail, includeSpamTrash=True)) == set(ids.values())

    first = gmail.messages().list(userId="me", maxResults=2).execute()
    assert [m["id"] for m in first["messages"]] == [ids["draft"], ids["thanks"]]
    assert first["resultSizeEstimate"] == 5
    second = gmail.messages().list(userId="me", maxResults=2, pageToken=first["nextPageToken"]).execute()
    third = gmail.messages().list(userId="me", maxResults=2, pageToken=second["nextPageToken"]).execute()
    assert [m["id"] for m in third["messages"]] == [ids["globex"]]
    assert "nextPageToken" not in third

    empty = gmail.messages().list(userId="me", q="nosuchword").execute()
    assert empty == {"resultSizeEstimate": 0}  # Google omits "messages" when there are none


def test_threads_list_matches_threads_newest_first(account: GmailApi, gmail: Any) -> None:
    a = account.deliver(mail("Interview", msgid="<a@x.com>"), internal_date=at(1))
    account.deliver(mail("Other", frm="bob@y.com"), internal_date=at(2))
    reply = account.deliver(mail("RE: interview", body="see you", msgid="<b@x.com>", reply_to="<a@x.com>"),
                            internal_date=at(3))
    assert reply["threadId"] == a["threadId"]
    listing = gmail.threads().list(userId="me").execute()
    assert listing["threads"][0]["id"] == a["threadId"]
    assert listing["threads"][0]["snippet"] == "see you"
    assert [t["id"] for t in gmail.threads().list(userId="me", q="from:bob").execute()["threads"]] != [a["threadId"]]
    thread = gmail.threads().get(userId="me", id=a["threadId"], format="minimal").execute()
    assert [m["id"] for m in thread["messages"]] == [a["id"], reply["id"]]  # oldest first


# --- threading of drafts ------------------------------------------------------------------


def _thread(account: GmailApi) -> dict[str, Any]:
    return account.deliver(mail("Interview with Initech", msgid="<i1@initech.com>"), internal_date=at(10))


def _draft(gmail: Any, subject: str, reply_to: str = "<i1@initech.com>", thread_id: str | None = None) -> Any:
    message: dict[str, Any] = {"raw": b64(mail(subject, frm=ME, to="jane@initech.com", reply_to=reply_to))}
    if thread_id:
        message["threadId"] = thread_id
    return gmail.drafts().create(userId="me", body={"message": message}).execute()


def test_draft_joins_thread_with_matching_headers_and_subject(account: GmailApi, gmail: Any) -> None:
    original = _thread(account)
    draft = _draft(gmail, "Re: Interview with Initech", thread_id=original["threadId"])
    assert draft["message"]["threadId"] == original["threadId"]
    assert draft["message"]["labelIds"] == ["DRAFT"]
    assert draft["id"].startswith("r")
    thread = gmail.threads().get(userId="me", id=original["threadId"]).execute()
    assert [m["id"] for m in thread["messages"]] == [original["id"], draft["message"]["id"]]


@pytest.mark.parametrize(
    "subject, reply_to, give_thread",
    [
        ("Re: Thank you", "<i1@initech.com>", True),  # subject does not match
        ("Re: Interview with Initech", "", True),  # no References/In-Reply-To
        ("Re: Interview with Initech", "<unknown@elsewhere>", True),  # refers outside the thread
        ("Re: Interview with Initech", "<i1@initech.com>", False),  # drafts need the threadId
    ],
)
def test_draft_that_does_not_fit_starts_a_new_thread(
    account: GmailApi, gmail: Any, subject: str, reply_to: str, give_thread: bool
) -> None:
    original = _thread(account)
    draft = _draft(gmail, subject, reply_to, original["threadId"] if give_thread else None)
    assert draft["message"]["threadId"] == draft["message"]["id"] != original["threadId"]


def test_sending_a_draft_keeps_its_thread(account: GmailApi, gmail: Any) -> None:
    own = _draft(gmail, "Thank you", reply_to="")  # a draft that begins its own conversation
    sent = gmail.drafts().send(userId="me", body={"id": own["id"]}).execute()
    assert sent["threadId"] == own["message"]["threadId"] and "SENT" in sent["labelIds"]
    thread = gmail.threads().get(userId="me", id=own["message"]["threadId"]).execute()
    assert [m["id"] for m in thread["messages"]] == [sent["id"]]
    original = _thread(account)
    reply = _draft(gmail, "Re: Interview with Initech", thread_id=original["threadId"])
    sent = gmail.drafts().send(userId="me", body={"id": reply["id"]}).execute()
    assert sent["threadId"] == original["threadId"]


def test_draft_into_unknown_thread_is_404(account: GmailApi, gmail: Any) -> None:
    _thread(account)
    with pytest.raises(HttpError) as err:
        _draft(gmail, "Re: Interview with Initech", thread_id="18e3f0c0ffee0001")
    assert err.value.resp.status == 404


def test_subject_prefixes_are_ignored_when_threading(account: GmailApi, gmail: Any) -> None:
    original = _thread(account)
    draft = _draft(gmail, "RE: Fwd: interview with initech", thread_id=original["threadId"])
    assert draft["message"]["threadId"] == original["threadId"]


# --- drafts ---------------------------------------------------------------------------------


def test_drafts_list_get_update_send_delete(account: GmailApi, gmail: Any) -> None:
    raw = mail("Thanks", frm=ME, to="jane@initech.com", body="Thank you for your time, Jane.")
    one = gmail.drafts().create(userId="me", body={"message": {"raw": b64(raw)}}).execute()
    two = gmail.drafts().create(userId="me", body={"message": {"raw": b64(mail("Hi", frm=ME, to="bob@hooli.com"))}}
                                ).execute()
    listing = gmail.drafts().list(userId="me").execute()
    assert {d["id"] for d in listing["drafts"]} == {one["id"], two["id"]}
    assert [d["id"] for d in gmail.drafts().list(userId="me", q="to:jane").execute()["drafts"]] == [one["id"]]

    got = gmail.drafts().get(userId="me", id=one["id"], format="raw").execute()
    assert base64.urlsafe_b64decode(got["message"]["raw"]) == raw
    full = gmail.drafts().get(userId="me", id=one["id"]).execute()["message"]
    assert full["snippet"] == "Thank you for your time, Jane."
    assert base64.urlsafe_b64decode(full["payload"]["body"]["data"]).decode().strip() == "Thank you for your time, Jane."

    updated = gmail.drafts().update(userId="me", id=one["id"], body={"message": {"raw": b64(
        mail("Thanks again", frm=ME, to="jane@initech.com"))}}).execute()
    assert updated["id"] == one["id"]
    assert updated["message"]["id"] != one["message"]["id"]  # Gmail replaces the draft's message
    with pytest.raises(HttpError) as err:
        gmail.messages().get(userId="me", id=one["message"]["id"]).execute()
    assert err.value.resp.status == 404

    sent = gmail.drafts().send(userId="me", body={"id": two["id"]}).execute()
    assert sent["labelIds"] == ["SENT"]
    assert search(gmail, q="in:sent") == [sent["id"]]
    sent_msg = message_from_bytes(account.parsed(sent["id"]).as_bytes(), policy=policy.default)
    assert sent_msg["Message-ID"]  # Gmail gives a sent message its Message-ID

    assert gmail.drafts().delete(userId="me", id=one["id"]).execute() in ("", None)
    assert gmail.drafts().list(userId="me").execute() == {"resultSizeEstimate": 0}
    for draft_id in (one["id"], two["id"]):
        with pytest.raises(HttpError) as err:
            gmail.drafts().get(userId="me", id=draft_id).execute()
        assert err.value.resp.status == 404


def test_draft_without_raw_is_400(gmail: Any) -> None:
    with pytest.raises(HttpError) as err:
        gmail.drafts().create(userId="me", body={"message": {}}).execute()
    assert err.value.resp.status == 400


# --- formats ---------------------------------------------------------------------------------


def test_metadata_format_filters_headers_case_insensitively(account: GmailApi, gmail: Any) -> None:
    m = account.deliver(mail("Interview", msgid="<i1@initech.com>", cc="bob@hooli.com", body="Body text here"))
    got = gmail.messages().get(userId="me", id=m["id"], format="metadata",
                               metadataHeaders=["message-id", "SUBJECT", "X-Missing"]).execute()
    assert got["payload"]["headers"] == [
        {"name": "Subject", "value": "Interview"},
        {"name": "Message-ID", "value": "<i1@initech.com>"},
    ]
    assert "parts" not in got["payload"] and "body" not in got["payload"]
    assert got["snippet"] == "Body text here"
    assert got["labelIds"] == ["INBOX", "UNREAD"]
    assert got["internalDate"] == str(int(NOW.timestamp() * 1000))
    everything = gmail.messages().get(userId="me", id=m["id"], format="metadata").execute()
    assert {h["name"] for h in everything["payload"]["headers"]} >= {"From", "To", "Cc", "Subject", "Date"}


def test_full_format_multipart_and_attachment(account: GmailApi, gmail: Any) -> None:
    m = account.deliver(mail("Offer", body="See attached.", attachment=True))
    payload = gmail.messages().get(userId="me", id=m["id"]).execute()["payload"]
    assert payload["mimeType"] == "multipart/mixed"
    assert payload["partId"] == ""
    text, pdf = payload["parts"]
    assert (text["partId"], text["mimeType"], pdf["partId"], pdf["filename"]) == ("0", "text/plain", "1", "offer.pdf")
    assert base64.urlsafe_b64decode(text["body"]["data"]).decode().strip() == "See attached."
    assert "data" not in pdf["body"]
    att = gmail.messages().attachments().get(userId="me", messageId=m["id"], id=pdf["body"]["attachmentId"]).execute()
    assert base64.urlsafe_b64decode(att["data"]) == b"%PDF-1.4 fake"


def test_minimal_format_and_errors(account: GmailApi, gmail: Any) -> None:
    m = account.deliver(mail("Hi"))
    got = gmail.messages().get(userId="me", id=m["id"], format="minimal").execute()
    assert "payload" not in got and "raw" not in got and got["id"] == m["id"]
    with pytest.raises(HttpError) as err:
        gmail.messages().get(userId="me", id="0000000000000000").execute()
    assert err.value.resp.status == 404
    with pytest.raises(HttpError) as err:
        gmail.messages().list(userId="someone@else.com").execute()
    assert err.value.resp.status == 403
    assert gmail.messages().list(userId=ME).execute()["resultSizeEstimate"] == 1


# --- insert, import, profile, labels ---------------------------------------------------------


def test_insert_and_import_dates_and_labels(gmail: Any) -> None:
    raw = b64(mail("Old news", date=at(1, 1)))
    inserted = gmail.messages().insert(userId="me", body={"raw": raw, "labelIds": ["INBOX"]}).execute()
    imported = gmail.messages().import_(userId="me", body={"raw": raw}).execute()
    get = gmail.messages().get
    assert get(userId="me", id=inserted["id"]).execute()["internalDate"] == str(int(NOW.timestamp() * 1000))
    assert get(userId="me", id=imported["id"]).execute()["internalDate"] == str(int(at(1, 1).timestamp() * 1000))
    assert inserted["labelIds"] == ["INBOX"]
    with pytest.raises(HttpError) as err:
        gmail.messages().insert(userId="me", body={"raw": raw, "labelIds": ["NOPE"]}).execute()
    assert err.value.resp.status == 400


def test_profile_and_labels(account: GmailApi, gmail: Any) -> None:
    label = account.add_label("Job Hunt")
    account.deliver(mail("a"))
    profile = gmail.getProfile(userId="me").execute()
    assert profile["emailAddress"] == ME and profile["messagesTotal"] == 1 and profile["threadsTotal"] == 1
    assert profile["historyId"] == str(account.history_id)
    labels = {lab["id"]: lab for lab in gmail.labels().list(userId="me").execute()["labels"]}
    assert {"INBOX", "SENT", "DRAFT", "SPAM", "TRASH", "UNREAD", "CATEGORY_UPDATES"} <= set(labels)
    assert labels[label] == {"id": label, "name": "Job Hunt", "type": "user", "messageListVisibility": "show",
                             "labelListVisibility": "labelShow"}
    with pytest.raises(HttpError) as err:
        gmail.labels().create(userId="me", body={"name": "job hunt"}).execute()
    assert err.value.resp.status == 409


# --- history ---------------------------------------------------------------------------------


def test_history_since_an_id(account: GmailApi, gmail: Any) -> None:
    start = gmail.getProfile(userId="me").execute()["historyId"]
    a = account.deliver(mail("One"))
    b = account.deliver(mail("Two"))
    draft = gmail.drafts().create(userId="me", body={"message": {"raw": b64(mail("Draft", frm=ME))}}).execute()
    gmail.messages().modify(userId="me", id=a["id"], body={"removeLabelIds": ["UNREAD"]}).execute()

    hist = gmail.history().list(userId="me", startHistoryId=start).execute()
    added = [h["messagesAdded"][0]["message"]["id"] for h in hist["history"] if "messagesAdded" in h]
    assert added == [a["id"], b["id"], draft["message"]["id"]]
    removed = [h for h in hist["history"] if "labelsRemoved" in h]
    assert removed[0]["labelsRemoved"][0]["labelIds"] == ["UNREAD"]
    assert hist["historyId"] == gmail.getProfile(userId="me").execute()["historyId"]
    ids = [int(h["id"]) for h in hist["history"]]
    assert ids == sorted(ids) and ids[0] > int(start)

    only_added = gmail.history().list(userId="me", startHistoryId=start, historyTypes=["messageAdded"]).execute()
    assert len(only_added["history"]) == 3
    drafts_only = gmail.history().list(userId="me", startHistoryId=start, labelId="DRAFT").execute()
    assert [h["messages"][0]["id"] for h in drafts_only["history"]] == [draft["message"]["id"]]

    page = gmail.history().list(userId="me", startHistoryId=start, maxResults=2).execute()
    assert len(page["history"]) == 2 and page["nextPageToken"]

    current = hist["historyId"]
    assert gmail.history().list(userId="me", startHistoryId=current).execute() == {"historyId": current}

    gmail.drafts().delete(userId="me", id=draft["id"]).execute()
    later = gmail.history().list(userId="me", startHistoryId=current).execute()
    assert later["history"][0]["messagesDeleted"][0]["message"]["id"] == draft["message"]["id"]


def test_history_too_old_or_in_the_future_is_404(account: GmailApi, gmail: Any) -> None:
    start = gmail.getProfile(userId="me").execute()["historyId"]
    account.deliver(mail("One"))
    middle = account.history_id
    account.deliver(mail("Two"))
    account.expire_history(middle)
    assert len(gmail.history().list(userId="me", startHistoryId=str(middle)).execute()["history"]) == 1
    for stale in (start, str(middle - 1), str(account.history_id + 1000)):
        with pytest.raises(HttpError) as err:
            gmail.history().list(userId="me", startHistoryId=stale).execute()
        assert err.value.resp.status == 404
    with pytest.raises(HttpError) as err:
        gmail.history().list(userId="me", startHistoryId="abc").execute()
    assert err.value.resp.status == 400


def test_history_retention_by_age(clock: FixedClock) -> None:
    api = GmailApi(ME, clock.now, history_retention=timedelta(days=7))
    start = str(api.history_id)
    api.deliver(mail("One"))
    assert api.call("gmail.users.history.list", {"userId": "me", "startHistoryId": start}, None)[0] == 200
    clock.set(NOW + timedelta(days=8))
    with pytest.raises(ApiError) as err:
        api.call("gmail.users.history.list", {"userId": "me", "startHistoryId": start}, None)
    assert err.value.status == 404


# --- persistence -----------------------------------------------------------------------------


def test_state_round_trips_through_json(account: GmailApi, gmail: Any, clock: FixedClock) -> None:
    original = _thread(account)
    draft = _draft(gmail, "Re: Interview with Initech", thread_id=original["threadId"])
    start = account.history_id
    data = json.loads(json.dumps(account.to_json()))
    restored = GmailApi.from_json(data, clock.now)
    assert restored.to_json() == account.to_json()
    status, listing = restored.call("gmail.users.drafts.list", {"userId": "me"}, None)
    assert status == 200 and listing is not None and listing["drafts"][0]["id"] == draft["id"]
    restored.deliver(mail("New"))
    status, hist = restored.call("gmail.users.history.list", {"userId": "me", "startHistoryId": str(start)}, None)
    assert hist is not None and len(hist["history"]) == 1
    # ids keep growing after a restore, never colliding with stored ones
    assert len(restored.to_json()["messages"]) == 3


def test_received_reply_joins_thread_only_when_subject_fits(gmail: Any) -> None:
    sent = gmail.messages().send(userId="me", body={"raw": b64(
        mail("Thank you", frm=ME, to="jane@initech.com", msgid="<t1@example.com>"))}).execute()
    insert = gmail.messages().insert
    reply = insert(userId="me", body={"raw": b64(mail("Re: Thank you", reply_to="<t1@example.com>")),
                                      "labelIds": ["INBOX"]}).execute()
    other = insert(userId="me", body={"raw": b64(mail("Next steps", reply_to="<t1@example.com>"))}).execute()
    assert reply["threadId"] == sent["threadId"]
    assert other["threadId"] == other["id"] != sent["threadId"]


def test_trash_leaves_default_listing_and_records_history(account: GmailApi, gmail: Any) -> None:
    m = account.deliver(mail("Hi"))
    start = str(account.history_id)
    gmail.messages().trash(userId="me", id=m["id"]).execute()
    assert search(gmail) == []
    assert search(gmail, q="in:trash") == [m["id"]]
    hist = gmail.history().list(userId="me", startHistoryId=start).execute()
    assert hist["history"][0]["labelsAdded"][0]["labelIds"] == ["TRASH"]


def test_snippet_is_html_escaped_like_gmail(account: GmailApi) -> None:
    m = account.deliver(mail("Hi", body="I'm <glad> & \"ready\"\n\n  to   talk"))
    status, got = account.call("gmail.users.messages.get", {"userId": "me", "id": m["id"], "format": "minimal"}, None)
    assert status == 200 and got is not None
    assert got["snippet"] == "I&#39;m &lt;glad&gt; &amp; &quot;ready&quot; to talk"
