# Results Desk: everyday commands. `make run` and `make test` set everything up first.
VENV := .venv/bin

.PHONY: setup run test lint format bench tr-update tr-release lock

# the desk and the development tools, from the locks in requirements/
setup:
	bash scripts/setup.sh --dev

run:
	bash scripts/run.sh

test:
	bash scripts/test.sh

# ruff check, ruff format --check, mypy (desk_app, bench, scripts), translations current: what CI checks
lint: setup
	bash scripts/lint.sh

format: setup
	$(VENV)/ruff check --fix .
	$(VENV)/ruff format .

bench: setup
	$(VENV)/python -m bench

tr-update: setup
	bash scripts/translations.sh update

tr-release: setup
	bash scripts/translations.sh release

# Refresh requirements/*.lock from pyproject.toml (keeps the pins that still fit;
# `bash scripts/lock.sh --upgrade` moves them all to the newest). Needs no .venv.
lock:
	bash scripts/lock.sh
