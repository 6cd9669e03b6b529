# sotecms — `make help` lists the targets.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000
PG_TEST_URL ?= postgres://postgres@127.0.0.1:5432/sotecms
# Redis databases for the tests (the security counters use the next number: 2 and 4).
REDIS_TEST_URL ?= redis://127.0.0.1:6379/1
SCALEOUT_REDIS_URL ?= redis://127.0.0.1:6379/3
PYTEST_ARGS ?=
# pytest-xdist workers for test-sqlite/test-postgres (0 = one process); see docs/testing.md
TEST_WORKERS ?= 2
# The search tests whose results depend on the analysis chain (relevance, analysed terms,
# typo correction, admin search), run again without system Voikko; the rest (documents,
# indexing, the results page's markup) do not depend on the analyser.
SEARCH_PIP_TESTS ?= tests/search/test_analysis.py tests/search/test_relevance.py \
	tests/search/test_views.py tests/search/test_admin_search.py tests/search/test_elasticsearch.py \
	tests/search/test_stored_analysis.py
export DJANGO_SETTINGS_MODULE ?= cms.settings.dev

.DEFAULT_GOAL := help
.PHONY: help install run worker scheduler test test-sqlite test-search-pip test-redis test-postgres lint format system-deps messages bench bench-site bench-search bench-search-cold loadtest loadtest-scaleout screenshots backup restore clean

help: ## List the targets
	@grep -E '^[a-zA-Z_-]+:.*?## ' $(MAKEFILE_LIST) | awk 'BEGIN {FS = ":.*?## "}; {printf "  make %-14s %s\n", $$1, $$2}'

$(BIN)/.installed: requirements/lock.txt pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements/lock.txt
	@# Build the search lemmatiser's dictionaries once (~1 min), so no query waits for them.
	$(BIN)/python -c "from search.morphology import prepare; prepare()"
	@touch $@

install: $(BIN)/.installed ## Create .venv and install the locked dependencies

# Links in e-mails point at the port `make run` serves on, unless set in the environment.
RUN_BASE_URL = http://127.0.0.1:$(PORT)
RUN_ENV = WAGTAILADMIN_BASE_URL="$${WAGTAILADMIN_BASE_URL:-$(RUN_BASE_URL)}" PUBLIC_BASE_URL="$${PUBLIC_BASE_URL:-$(RUN_BASE_URL)}"

run: install ## Migrate, demo content, local admin; serve on 127.0.0.1:$(PORT) with the worker beside it (SQLite)
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py load_demo_content
	$(BIN)/python manage.py load_editorial_demo
	$(BIN)/python manage.py ensure_local_admin
	@echo "Serving on $(RUN_BASE_URL)/ (admin: $(RUN_BASE_URL)/admin/); e-mail links use the same address."
	@echo "The worker (mail, newsletters, scheduled publishing, reminders, PDF text) runs beside it."
	@$(RUN_ENV) $(BIN)/python manage.py run_worker & worker=$$!; \
		trap 'kill $$worker 2>/dev/null' EXIT INT TERM; \
		$(RUN_ENV) $(BIN)/python manage.py runserver 127.0.0.1:$(PORT)

worker: install ## The background worker alone (loops; `manage.py run_worker --once` for cron)
	$(RUN_ENV) $(BIN)/python manage.py run_worker

scheduler: install ## Only scheduled publishing every minute (`make run`'s worker already does it)
	$(BIN)/python manage.py run_scheduler --interval 60

system-deps: ## Install the Debian packages the tests need (Chromium, Voikko, gettext) when missing
	@bash scripts/ensure-system-deps.sh

lint: install ## ruff, template formatting, import layering, Django checks, missing migrations
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	PYTHONPATH=. $(BIN)/lint-imports
	$(BIN)/djlint --check templates --quiet
	DJANGO_SETTINGS_MODULE=cms.settings.test $(BIN)/python manage.py check --fail-level WARNING
	DJANGO_SETTINGS_MODULE=cms.settings.test $(BIN)/python manage.py makemigrations --check --dry-run
	@bash scripts/check-deploy.sh $(BIN)/python

format: install ## Apply ruff and djlint formatting
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .
	$(BIN)/djlint --reformat templates --quiet || true

test: install system-deps lint test-sqlite test-postgres ## The whole suite: lint, then pytest on SQLite (locmem cache) and on PostgreSQL + Redis (the production pair)

test-sqlite: install ## pytest on SQLite, then the search tests again without system Voikko
	DATABASE_URL= DJANGO_SETTINGS_MODULE=cms.settings.test $(BIN)/pytest -n $(TEST_WORKERS) --durations=15 $(PYTEST_ARGS)
	$(MAKE) test-search-pip

test-search-pip: install ## The search tests that depend on the analysis, with the system Voikko library hidden (SEARCH_ANALYSER=pip): the pip-only chain
	SEARCH_ANALYSER=pip DATABASE_URL= DJANGO_SETTINGS_MODULE=cms.settings.test $(BIN)/pytest -n $(TEST_WORKERS) $(SEARCH_PIP_TESTS) $(PYTEST_ARGS)

test-redis: install ## Quick check: only the cache, lockout, rate-limit and page-cache tests (marker redis) with REDIS_URL set, on SQLite (test-postgres runs them all with Redis)
	@bash scripts/ensure-redis.sh
	REDIS_URL=$(REDIS_TEST_URL) DATABASE_URL= DJANGO_SETTINGS_MODULE=cms.settings.test $(BIN)/pytest -m "redis and not e2e" -n $(TEST_WORKERS) $(PYTEST_ARGS)

test-postgres: install ## pytest on PostgreSQL with Redis as the cache (REDIS_TEST_URL), browser tests aside, with the two-instance test (skipped when unreachable, a failure with CI=true)
	@bash scripts/ensure-redis.sh
	@if $(BIN)/python scripts/postgres_ready.py "$${DATABASE_URL:-$(PG_TEST_URL)}"; then \
		REDIS_URL=$(REDIS_TEST_URL) SCALEOUT_REDIS_URL=$(SCALEOUT_REDIS_URL) DATABASE_URL="$${DATABASE_URL:-$(PG_TEST_URL)}" DJANGO_SETTINGS_MODULE=cms.settings.test $(BIN)/pytest -m "not e2e" -n $(TEST_WORKERS) --durations=15 $(PYTEST_ARGS); \
	else \
		if [ "$$CI" = "true" ]; then echo "PostgreSQL is unreachable and CI=true: failing."; exit 1; fi; \
		echo "PostgreSQL is unreachable: skipping the PostgreSQL run (set DATABASE_URL)."; \
	fi

messages: install ## Extract and compile interface translations (project and per-app catalogues)
	@bash scripts/messages.sh

bench: bench-site bench-search ## All benchmarks (not tests): the site under load, then search

bench-site: install ## Big site on gunicorn (SQLite + PostgreSQL), cold/warm table (docs/performance.md)
	@bash scripts/ensure-system-deps.sh --bench
	$(BIN)/python -m bench.run $(BENCH_ARGS)

loadtest: install ## 60 s at 64 connections on loopback while publishing: zero errors, consistent pages
	$(BIN)/python -m bench.loadtest $(LOADTEST_ARGS)

loadtest-scaleout: install ## loadtest on two instances x two workers, PostgreSQL + Redis (docs/deployment.md)
	@bash scripts/ensure-redis.sh
	$(BIN)/python -m bench.loadtest --scale-out $(LOADTEST_ARGS)

screenshots: install system-deps ## Every page type at 375 px and 1280 px into artifacts/screenshots/
	DATABASE_URL= DJANGO_SETTINGS_MODULE=cms.settings.test $(BIN)/pytest tests/e2e/test_screenshots.py -q

backup: install ## Back up the database and media into backups/<timestamp>/
	$(BIN)/python manage.py backup

restore: install ## Restore the latest backup (or BACKUP=backups/<timestamp>)
	$(BIN)/python manage.py restore $(BACKUP)

bench-search: install ## Search: p50/p95 at 10,000 documents; relevance (s@3, MRR, nDCG@10) per language, backend, with/without Voikko
	$(BIN)/python bench/search_bench.py

bench-search-cold: install ## Search: a cold process's first query (2,000 documents), with system Voikko and pip only
	$(BIN)/python bench/search_cold.py

clean: ## Remove the virtualenv and local data
	rm -rf $(VENV) db.sqlite3 media static_collected .pytest_cache .ruff_cache
