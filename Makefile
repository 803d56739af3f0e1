# Results Desk: everyday commands. `make run` and `make test` set everything up first.
VENV := .venv/bin
UI_SOURCES = $(shell find desk_app/ui -name '*.py' | sort)
TS := translations/desk_app_zh_HK.ts
QM := desk_app/translations/desk_app_zh_HK.qm

.PHONY: setup run test lint format bench tr-update tr-release lock

# the desk and the development tools, from the locks in requirements/
setup:
	bash scripts/setup.sh --dev

run:
	bash scripts/run.sh

test:
	bash scripts/test.sh

lint: setup
	$(VENV)/ruff check .
	$(VENV)/ruff format --check .
	$(VENV)/mypy desk_app

format: setup
	$(VENV)/ruff check --fix .
	$(VENV)/ruff format .

bench: setup
	$(VENV)/python -m bench

tr-update: setup
	$(VENV)/pyside6-lupdate $(UI_SOURCES) desk_app/services/messages.py -target-language zh_HK -no-obsolete -ts $(TS)

tr-release: setup
	mkdir -p $(dir $(QM))
	$(VENV)/pyside6-lrelease $(TS) -qm $(QM)

# Refresh requirements/*.lock from pyproject.toml (keeps the pins that still fit;
# `bash scripts/lock.sh --upgrade` moves them all to the newest). Needs no .venv.
lock:
	bash scripts/lock.sh
