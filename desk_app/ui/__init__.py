"""The desk window (PySide6 only; calls services, never the database).

- Views lay out widgets in code and retranslate themselves on
  ``LanguageChange``: ``login_dialog``, ``main_window``, ``search_panel``,
  ``candidate_table_view``, ``candidate_pane`` (with ``candidate_header``,
  ``candidate_sections``, ``notes_box``, ``timeline_model``), ``lockouts_view``,
  the action dialogs (``verify_dialog``, ``reason_dialog``,
  ``temp_password_dialog``, ``batch_reprint_dialog``), ``print_preview``,
  ``database_password``. A view's controller code (its signals wired to a
  service call) sits in the same module, and a view receives the service it
  needs in its constructor; ``main_window`` hands them out.
- The Actions menu: ``call_actions`` (one QAction per desk action, enabled by
  ``action_rules``, which mirror the services' rules and say why not),
  ``action_launcher`` and ``action_plans`` (open each dialog, act on a
  worker, then preview, show or reload); ``call_state`` keeps this desk's
  caller verifications.
- Qt item models (``candidate_table_model``, ``timeline_model``,
  ``lockouts_model``, ``sources_model``) turn the services' frozen
  dataclasses into rows; ``formatting`` and ``labels`` turn values into
  text for people (babel, Hong Kong time, translated names).
- Workers (``workers``): every service call runs on ``QThreadPool``; the
  result comes back to the GUI thread as a signal, and ``LatestOnly`` drops
  the answers of requests overtaken by newer ones. Workers never touch
  widgets. ``batch_progress`` does the same for a job over many items.
- Plumbing: ``errors`` (error code → translated sentence), ``i18n``
  (translators, live switching), ``crash`` (uncaught exceptions → log
  file), ``app`` (puts it together for ``desk-app gui``).
"""
