"""Planning: which follow-up is due when, and in which thread.

Thank-you notes per interview (`plan`), status checks, feedback requests and keep-in-touch
notes per company process (`process`), and the thread each draft belongs in (`mailthread`).
Pure functions over `bot.model` values; the time is passed in.

May import: the shared ground, `bot.config`, `bot.reading` and the standard library.
Never `bot.writing` or the shell (`bot.runtime`, `bot.google`, `bot.sandbox`, `bot.cli`).
"""
