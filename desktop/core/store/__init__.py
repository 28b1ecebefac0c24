"""Local persistence in SQLite: the database file and the saved messages kept in it."""

from desktop.core.store.database import open_database
from desktop.core.store.saved_messages import SavedMessage, SavedMessageStore

__all__ = ["SavedMessage", "SavedMessageStore", "open_database"]
