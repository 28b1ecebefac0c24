"""The preferences dialog (Edit ▸ Preferences): every user setting on a few pages."""
