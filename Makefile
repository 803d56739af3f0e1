# Results Desk: everyday commands. `make run` and `make test` set everything up first.
VENV := .venv/bin
UI_SOURCES = $(shell find desk_app/ui -name '*.py' | sort)
TS := translations/desk_app_zh_HK.ts
QM := desk_app/translations/desk_app_zh_HK.qm

.PHONY: setup run test lint format bench tr-update tr-release

setup:
	bash scripts/setup.sh

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
	$(VENV)/pyside6-lupdate $(UI_SOURCES) desk_app/services/messages.py desk_app/services/importing/messages.py -target-language zh_HK -no-obsolete -ts $(TS)

tr-release: setup
	mkdir -p $(dir $(QM))
	$(VENV)/pyside6-lrelease $(TS) -qm $(QM)
