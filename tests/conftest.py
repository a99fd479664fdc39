import os

os.environ.setdefault("WALLETDESK_HUEY_IMMEDIATE", "true")
os.environ.setdefault("WALLETDESK_REQUIRE_2FA", "true")
