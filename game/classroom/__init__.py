"""A class in one room: the instructor's host, the students' link to it, and the headless student.

- ``protocol``: the JSON bodies of every request and reply (strict pydantic models);
- ``store``: the class in a database (SQLAlchemy Core: SQLite by default, any URL it accepts);
- ``room``: the class's settings and data, created once and read back on every restart;
- ``server``: the ASGI app (Starlette) with the student and instructor APIs and the dashboard
  (``static/``), behind the size and rate limits of ``limits``; ``host`` serves it with uvicorn;
- ``checker``: the process that verifies every record the host receives by replaying it;
- ``report``: the class report and the export, from the database;
- ``client``: the link the game and the headless student use (join, status, records queued
  while the host is unreachable); ``seat``: that link as the game keeps it while playing;
- ``bot``: a headless student playing a bot game through that link.

Nothing here is imported by the engine, and the game imports it only when a class is joined.
"""
