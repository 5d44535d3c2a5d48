"""A local stand-in for Google Calendar v3 and Gmail v1, served over loopback HTTP.

The real google-api-python-client talks to it unchanged (see `Sandbox`).

Contract between the parts:
- server.py: the HTTP server, routing by the discovery documents that
  google-api-python-client ships, parameter validation (400 like Google),
  --fail-rate, /_sandbox/requests, state load/save. It dispatches each
  validated request to an API object: `api.call(method_id, params, body) -> (status, json)`
  where method_id is the discovery id ("calendar.events.list"), params holds the
  path and query parameters already converted to their discovery types, and body
  is the parsed JSON request body or None. API objects raise ApiError.
- calendar_api.py: `CalendarApi(account)` implements calendar.* methods.
- gmail_api.py: `GmailApi(account)` implements gmail.users.* methods;
  gmail_query.py parses and evaluates Gmail search queries.
- Both keep their data in JSON-serialisable form via `to_json()` / `from_json()`.
- arguments.py: the command-line options of both ways to start it (checked as parsed).

May import: the shared ground (`interview_bot.errors`), and `interview_bot.google.services` for its pytest
plugin. Never the bot's core or shell: the stand-in must not know how the bot reads it.
"""
