"""`walletdesk serve`: HTTP + WebSocket on one uvicorn process, with the Huey worker beside it.

The worker runs as threads of the same process so that, in the embedded layout, its events reach
the in-memory channel layer (see core.events). With REDIS_URL set, run `walletdesk run_huey`
processes instead and pass --no-worker.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError


class Command(BaseCommand):
    help = "Serve walletdesk (HTTP and WebSocket) with an embedded background worker."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("--host", default="127.0.0.1")
        parser.add_argument("--port", type=int, default=8000)
        parser.add_argument(
            "--no-worker", action="store_true", help="do not run the Huey worker in this process"
        )
        parser.add_argument("--log-level", default="warning")

    def handle(self, *args: Any, **options: Any) -> None:
        import uvicorn
        from huey.contrib.djhuey import HUEY

        from walletdesk.core.logging import uvicorn_log_config

        if not 1 <= options["port"] <= 65535:
            raise CommandError(f"--port must be between 1 and 65535, not {options['port']}")
        consumer = None
        if not options["no_worker"]:
            from django.utils.module_loading import autodiscover_modules

            # Register every app's tasks before the worker starts, as run_huey does: a task queued by
            # another process must find its function here.
            autodiscover_modules("tasks")
            HUEY.immediate = False
            consumer = HUEY.create_consumer(
                workers=settings.HUEY["consumer"]["workers"],
                worker_type="thread",
                periodic=True,
                check_worker_health=False,
            )
            consumer.start()
        base = f"http://{options['host']}:{options['port']}"
        self.stdout.write(
            f"walletdesk on {base}\n"
            f"  customer portal   {base}/support/   (demo sign-in: {base}/support/demo/)\n"
            f"  help center       {base}/help/zh-hans/  ·  {base}/help/en/\n"
            f"  verify            {base}/verify/   (official contacts: {base}/contact/)\n"
            f"  call-back request {base}/support/callback/\n"
            f"  stolen account    {base}/support/urgent/   (no sign-in needed)\n"
            f"  chat widget demo  {base}/widget/demo/   (as the demo wallet's customer: {base}/demo-wallet/)\n"
            f"  agent console     {base}/console/\n"
            f"  API docs          {base}/api/v1/docs\n"
            f"  worker            {'embedded (threads)' if consumer else 'not in this process'}\n"
            "Ctrl-C stops everything.\n"
        )
        self.stdout.flush()
        try:
            uvicorn.run(
                "walletdesk.asgi:application",
                host=options["host"],
                port=options["port"],
                log_level=options["log_level"],
                # Its access log prints each request's address: sign-in tokens and pasted secrets go.
                log_config=uvicorn_log_config(),
                lifespan="off",
                ws="websockets-sansio",
                # Chat frames are short: compressing each costs ~2 ms CPU per reply and ~85 MB at
                # 2,000 sockets (bench/chat.py) for little bandwidth saved.
                ws_per_message_deflate=False,
                # The widget pings every 15 s itself; the server's own pings only find dead sockets,
                # and every 20 s they cost ~3 % of a core at 2,000 sockets.
                ws_ping_interval=60,
            )
        finally:
            if consumer is not None:
                consumer.stop(graceful=False)
