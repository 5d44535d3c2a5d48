"""Adapters between Google's APIs and our values.

`calendar` and `gmail` turn Calendar v3 and Gmail v1 answers into `interview_bot.model` values
(`CalendarEvent`, `MailMessage`); `auth` signs in and keeps the token; `retry` is the one
retry helper; `services` builds the google-api-python-client services (imported lazily).

May import: the shared ground, `interview_bot.config`, google-api-python-client and google-auth.
Never the core stages, `interview_bot.runtime`, `interview_bot.sandbox` or `interview_bot.cli`.
"""
