"""Runtime: the imperative shell that runs the core against Google.

One sync reads the calendar and mail (`mailsync`), asks the core what is due, writes drafts
and records everything in the state file (`engine`, `state`); the daemon derives its
scheduler jobs from that state (`daemon`); `wiring` builds an engine from the config;
`dryrun` replays the last weeks through the same engine, read-only (`plan --since`).

May import: everything below the commands (the core, `interview_bot.config`, `interview_bot.google`, the shared
ground). Never `interview_bot.cli` or `interview_bot.sandbox`.
"""
