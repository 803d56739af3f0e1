"""The desk window (PySide6 only; calls services, never the database).

One folder per feature, ``common`` for what they share:

- ``app`` puts it together for ``desk-app gui`` (the composition root: the
  only module that sees the services registry); ``main_window`` lays the
  panels side by side and hands each one the services it uses.
- ``signin/``: ``login_dialog`` and ``database_password`` (the PostgreSQL
  password when no keyring has it).
- ``search/``: the search box and its results (``panel``, ``table_model``,
  ``table_view``).
- ``candidate/``: the candidate pane (``pane`` with ``header``, ``tabs``,
  ``sections``, ``notes_box``); ``loader`` fetches a candidate on a worker;
  the lock timeline (``timeline_model``, ``timeline_text``,
  ``timeline_view``).
- ``actions/``: the Actions menu: ``call_actions`` (one QAction per desk
  action, enabled by ``rules``, which mirror the services' rules and say
  why not), ``launcher`` and ``plans`` (open each dialog, act on a worker,
  then preview, show or reload), the dialogs (``verify_dialog``,
  ``reason_dialog``, ``temp_password_dialog``, ``batch_reprint_dialog``);
  ``call_state`` keeps this desk's caller verifications.
- ``lockouts/``: the supervisor's lockouts tab (``view``, ``tables``,
  ``model``, ``sources_model``, ``count_bars``).
- ``knowledge/``: the answers beside the candidate (``pane``; ``email_dialog``,
  ``editor_dialog``; ``column`` places it), filled in by the services.
- ``common/``: ``workers`` (every service call runs on ``QThreadPool``; the
  result comes back to the GUI thread as a signal, and ``LatestOnly`` drops
  the answers of requests overtaken by newer ones; workers never touch
  widgets), ``batch_progress`` (the same for a job over many items),
  ``row_table_model`` (the base of every table model), ``formatting`` and
  ``labels`` (values as text for people: babel, the office's time,
  translated names), ``errors`` (error code → translated sentence),
  ``i18n`` (translators, live switching), ``crash`` (uncaught exceptions →
  log file), ``print_preview``, ``widgets``.

Views lay out widgets in code and retranslate themselves on
``LanguageChange``; a view's controller code (its signals wired to a
service call) sits in the same module, and a view receives the services it
needs in its constructor.
"""
