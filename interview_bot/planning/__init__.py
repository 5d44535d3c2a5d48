"""Planning: which follow-up is due when, and in which thread.

Thank-you notes per interview (`plan`), status checks, feedback requests and keep-in-touch
notes per company process (`process`), and the thread each draft belongs in (`mailthread`).
Pure functions over `interview_bot.model` values; the time is passed in.

May import: the shared ground, `interview_bot.config`, `interview_bot.reading` and the standard library.
Never `interview_bot.writing` or the shell (`interview_bot.runtime`, `interview_bot.google`, `interview_bot.sandbox`, `interview_bot.cli`).
"""
