"""Local persistence in SQLite: the database file and the saved messages kept in it."""

from desktop.core.store.database import Database, open_database
from desktop.core.store.saved_messages import SavedMessage, SavedMessageStore

__all__ = ["Database", "SavedMessage", "SavedMessageStore", "open_database"]
