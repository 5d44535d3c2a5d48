"""What marks a state file as interview-bot's, and which schema it holds.

`PRAGMA application_id` says the file is ours (SQLite keeps it at byte 68 of the header);
`PRAGMA user_version` says which schema it has (byte 60). Both can be read from the header
without opening the database, so a file that is not ours is never touched.
"""

from __future__ import annotations

APPLICATION_ID = 0x49424F54  # "IBOT"
HEADER_MAGIC = b"SQLite format 3\x00"
USER_VERSION_OFFSET = 60
APPLICATION_ID_OFFSET = 68
