"""The desk window (PySide6 only; calls services, never the database).

Layout:

- views lay out widgets and retranslate themselves on ``LanguageChange``:
  ``login_dialog``, ``main_window``, ``search_panel``, ``candidate_details``,
  ``print_preview``, ``database_password``;
- each view's controller code (signals wired to a service call) sits in the
  same module; a panel receives the service it needs in its constructor;
- Qt item models (``candidate_table_model``) turn service dataclasses into
  rows; ``formatting`` gives babel dates and times in Hong Kong time;
- ``workers`` runs every service call on ``QThreadPool``: a runnable whose
  signals deliver the result to the GUI thread; workers never touch widgets;
  ``batch_progress`` runs a callable over many items with a progress dialog;
- ``errors`` turns a service error code into a translated sentence, ``i18n``
  installs translators (ours and Qt's) and switches language live, ``crash``
  logs uncaught exceptions, ``app`` puts it all together.
"""
