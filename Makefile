# walletdesk: `make run` serves the demo, `make test` runs the whole suite, `make install` only installs.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
PG_URL ?= postgres://postgres@127.0.0.1:5432/walletdesk_suite
REDIS_TEST_URL ?= redis://127.0.0.1:6379/13

.PHONY: install run serve test test-sqlite test-postgres lint format test-deps bench clean

$(BIN)/python:
	$(PY) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip uv

# Bytecode is written at install time (packages and the project's own modules): every `walletdesk`
# command otherwise compiles all it imports from source where PYTHONDONTWRITEBYTECODE is set
# (about half of a command's start-up).
$(VENV)/.installed: $(BIN)/python requirements.lock pyproject.toml
	VIRTUAL_ENV=$(VENV) $(BIN)/uv pip sync -q --compile-bytecode requirements.lock
	VIRTUAL_ENV=$(VENV) $(BIN)/uv pip install -q --no-deps -e .
	$(BIN)/python -m compileall -q -j 0 src
	touch $@

install: $(VENV)/.installed

# A local anvil node (npm @foundry-rs/anvil) gives the demo chain something to look transactions up on;
# without npm the product still runs, only the chain lookups say the node is unreachable.
run: install
	$(BIN)/walletdesk migrate --noinput -v0
	$(BIN)/walletdesk demo load
	@if [ ! -x node_modules/.bin/anvil ] && command -v npm >/dev/null; then \
		npm ci --no-audit --no-fund --loglevel=error || echo "anvil not installed: the demo chain stays offline"; fi
	@if [ -x node_modules/.bin/anvil ]; then \
		$(BIN)/walletdesk devnet > var/devnet.log 2>&1 & DEVNET=$$!; \
		trap 'kill $$DEVNET 2>/dev/null' EXIT INT TERM; \
		echo "demo chain: anvil on 127.0.0.1:8545 (log: var/devnet.log)"; \
		$(BIN)/walletdesk serve; \
	else $(BIN)/walletdesk serve; fi

# What the tests need besides Python packages: Debian's Chromium and a CJK font, Debian's dovecot
# (the email intake tests start their own IMAP server from it on a free loopback port), anvil from npm.
test-deps: install
	@if [ ! -x /usr/bin/chromium ] || ! fc-list 2>/dev/null | grep -qi "noto sans cjk\|wqy"; then \
		echo "installing chromium and a CJK font from Debian"; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-noto-cjk >/dev/null; \
	fi
	@if [ ! -x /usr/sbin/dovecot ]; then \
		echo "installing dovecot's IMAP server from Debian"; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq dovecot-imapd >/dev/null; \
	fi
	@if [ ! -x node_modules/.bin/anvil ]; then \
		echo "installing anvil from npm (@foundry-rs/anvil)"; \
		npm ci --no-audit --no-fund --loglevel=error; \
	fi

lint: install
	$(BIN)/ruff check src tests bench
	$(BIN)/ruff format --check src tests bench

format: install
	$(BIN)/ruff format src tests bench
	$(BIN)/ruff check --fix src tests bench

test-sqlite: test-deps
	@echo "== test suite on SQLite + in-memory channel layer"
	env -u DATABASE_URL -u REDIS_URL $(BIN)/pytest -n 2 --dist loadfile

# Two workers, as on SQLite: each has its own test database (<name>_gw0, <name>_gw1), and in the
# one Redis its own channel-layer prefix, cache key prefix and Huey queue (tests/conftest.py).
test-postgres: test-deps
	@if pg_isready -q -h 127.0.0.1 -p 5432 && redis-cli -h 127.0.0.1 -p 6379 ping >/dev/null 2>&1; then \
		echo "== test suite on PostgreSQL ($(PG_URL)) + Redis ($(REDIS_TEST_URL))"; \
		DATABASE_URL=$(PG_URL) REDIS_URL=$(REDIS_TEST_URL) WALLETDESK_DB_POOL=true $(BIN)/pytest -n 2 --dist loadfile; \
	else \
		echo "== PostgreSQL or Redis not reachable on 127.0.0.1: PostgreSQL + Redis run SKIPPED"; \
		if [ -n "$$CI" ]; then exit 1; fi; \
	fi

test: lint test-sqlite test-postgres

# Every benchmark once; the ticket benchmark at a size that fits a coffee break
# (the README's figures come from `bench/tickets.py --tickets 100000 --peer`, see docs/benchmarks.md).
bench: install
	@for b in $$(ls bench/*.py | grep -v -e _common.py -e tickets.py); do echo "== $$b"; $(BIN)/python $$b || exit 1; done
	$(BIN)/python bench/tickets.py --tickets 2000 --dbs sqlite --layouts scale --w1-seconds 5

clean:
	rm -rf $(VENV) var node_modules
