"""Production: every secret comes from the environment and a missing one stops the start."""

from .base import *  # noqa: F403
from .base import env

SECRET_KEY = env.str("SECRET_KEY")
