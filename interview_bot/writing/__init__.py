"""Writing: the drafts.

Renders follow-ups from Jinja2 templates (`templates/`, strict, autoescaped HTML) into
RFC 822 messages with safe headers, validated addresses and correct threading (`compose`,
`addresses`). Pure: the caller hands in the time and the thread.

May import: the shared ground, `interview_bot.config`, `interview_bot.reading`, `interview_bot.planning`, Jinja2 and the
standard library. Never the shell (`interview_bot.runtime`, `interview_bot.google`, `interview_bot.sandbox`, `interview_bot.cli`).
"""
