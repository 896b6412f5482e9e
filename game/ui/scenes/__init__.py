"""One scene per screen; each has the lifecycle enter / handle_event / update / draw / exit."""
