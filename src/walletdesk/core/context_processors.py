from django.conf import settings
from django.http import HttpRequest


def brand(request: HttpRequest) -> dict[str, str]:
    return {"BRAND_NAME": settings.BRAND_NAME, "SITE_URL": settings.SITE_URL}
