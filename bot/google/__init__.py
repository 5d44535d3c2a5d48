"""Adapters between Google's APIs and our values.

`calendar` and `gmail` turn Calendar v3 and Gmail v1 answers into `bot.model` values
(`CalendarEvent`, `MailMessage`); `auth` signs in and keeps the token; `retry` is the one
retry helper; `services` builds the google-api-python-client services (imported lazily).

May import: the shared ground, `bot.config`, google-api-python-client and google-auth.
Never the core stages, `bot.runtime`, `bot.sandbox` or `bot.cli`.
"""
