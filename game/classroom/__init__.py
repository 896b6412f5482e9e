"""A class in one room: the instructor's host, the students' link to it, and the headless student.

- ``protocol``: the JSON bodies of every request and reply (strict pydantic models);
- ``store``: the class in a database (SQLAlchemy Core: SQLite by default, any URL it accepts);
- ``server``: the ASGI app (Starlette) with the student and instructor APIs and the dashboard;
- ``checker``: the background replay that verifies every record the host receives;
- ``client``: the link the game and the headless student use (join, status, records queued
  while the host is unreachable);
- ``bot``: a headless student playing a bot game through that link.

Nothing here is imported by the engine or the game unless a class is hosted or joined.
"""
