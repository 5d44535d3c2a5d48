"""Writing: the drafts.

Renders follow-ups from Jinja2 templates (`templates/`, strict, autoescaped HTML) into
RFC 822 messages with safe headers, validated addresses and correct threading (`compose`,
`addresses`). Pure: the caller hands in the time and the thread.

May import: the shared ground, `bot.config`, `bot.reading`, `bot.planning`, Jinja2 and the
standard library. Never the shell (`bot.runtime`, `bot.google`, `bot.sandbox`, `bot.cli`).
"""
