"""Queueing a task while the broker may be down: the row the task works on is already stored,
so a failed enqueue is logged and left to the beat sweeper that re-queues stored work."""

import logging

import redis
from kombu.exceptions import OperationalError

logger = logging.getLogger(__name__)
BROKER_ERRORS = (OperationalError, redis.RedisError, OSError)


def enqueue(task, *args, **options):
    """Publish the task; True when the broker took it, False (logged) when it could not."""
    try:
        task.apply_async(args, **options)
    except BROKER_ERRORS as error:
        logger.warning("Could not enqueue %s%r (%s); the sweeper will retry.", task.name, args, error)
        return False
    return True
