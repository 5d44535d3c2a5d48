-- A state file as the previous release (commit 66904ac, meta schema_version 1) made it: user_version 0,
-- no application_id. Made with that release's bot.runtime.state.State.open on a new file, then
-- sqlite3's iterdump. tests/runtime/test_state_versions_e2e.py fills it with rows and opens it.
BEGIN TRANSACTION;
CREATE TABLE bot_mail (
    key TEXT PRIMARY KEY,
    message_id TEXT NOT NULL,
    draft_id TEXT NOT NULL,
    thread_id TEXT NOT NULL,
    place TEXT NOT NULL,
    recorded TEXT NOT NULL
);
CREATE TABLE company_mail (
    id TEXT PRIMARY KEY,
    thread_id TEXT NOT NULL,
    message_id TEXT NOT NULL,
    "references" TEXT NOT NULL,
    subject TEXT NOT NULL,
    sender TEXT NOT NULL,
    date TEXT NOT NULL,
    process TEXT NOT NULL,
    is_reply INTEGER NOT NULL,
    kind TEXT NOT NULL,
    phrase TEXT NOT NULL,
    promise_by TEXT,
    promise_phrase TEXT NOT NULL
, "via" TEXT NOT NULL DEFAULT '', "agency" TEXT NOT NULL DEFAULT '', "confidence" REAL NOT NULL DEFAULT 1.0, "rule" TEXT NOT NULL DEFAULT '', "trust" TEXT NOT NULL DEFAULT '', "silence" INTEGER NOT NULL DEFAULT 0);
CREATE TABLE decisions (
    interview_id TEXT NOT NULL,
    source TEXT NOT NULL,
    by TEXT NOT NULL,
    phrase TEXT NOT NULL,
    PRIMARY KEY (interview_id, source)
);
CREATE TABLE follow_ups (
    key TEXT PRIMARY KEY,
    interview_id TEXT NOT NULL REFERENCES interviews(id),
    kind TEXT NOT NULL,
    due TEXT NOT NULL,
    recipients TEXT NOT NULL,
    status TEXT NOT NULL,
    draft_id TEXT NOT NULL DEFAULT '',
    thread_id TEXT NOT NULL DEFAULT '',
    reason TEXT NOT NULL DEFAULT ''
, "note" TEXT NOT NULL DEFAULT '');
CREATE TABLE interviews (
    id TEXT PRIMARY KEY,
    calendar_id TEXT NOT NULL,
    event_id TEXT NOT NULL,
    title TEXT NOT NULL,
    company TEXT NOT NULL,
    role TEXT NOT NULL,
    start TEXT NOT NULL,
    "end" TEXT NOT NULL,
    time_zone TEXT NOT NULL,
    interviewers TEXT NOT NULL,
    organizer TEXT,
    meeting_link TEXT NOT NULL,
    company_domains TEXT NOT NULL,
    status TEXT NOT NULL
, "agents" TEXT NOT NULL DEFAULT '[]', "detected" TEXT NOT NULL DEFAULT '');
CREATE TABLE meta (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
INSERT INTO "meta" VALUES('schema_version','1');
CREATE TABLE unattributed_mail (
    id TEXT PRIMARY KEY,
    thread_id TEXT NOT NULL,
    subject TEXT NOT NULL,
    sender TEXT NOT NULL,
    date TEXT NOT NULL,
    candidates TEXT NOT NULL,
    why TEXT NOT NULL
);
CREATE INDEX company_mail_process ON company_mail(process, date);
CREATE INDEX follow_ups_due ON follow_ups(status, due);
CREATE INDEX follow_ups_interview ON follow_ups(interview_id);
CREATE INDEX bot_mail_message ON bot_mail(message_id);
COMMIT;
