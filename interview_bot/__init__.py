"""interview-bot: follow-up drafts for job interviews, from Google Calendar to Gmail."""

__version__ = "0.1.0"
