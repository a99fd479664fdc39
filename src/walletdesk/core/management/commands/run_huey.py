"""`walletdesk run_huey`: Huey's own consumer command, the standalone worker of the scale layout.

huey.contrib.djhuey, which ships it, is not an installed app (settings.INSTALLED_APPS): that import
builds the queue and loads redis and psycopg whatever the backend, and django.setup() would pay it
in every command. Tasks modules import djhuey themselves when they are first used.
"""

from huey.contrib.djhuey.management.commands.run_huey import Command

__all__ = ["Command"]
