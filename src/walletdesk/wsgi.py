import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "walletdesk.settings")
application = get_wsgi_application()

from walletdesk.core.warmup import warm_up  # noqa: E402

warm_up()
