"""The raw HTTP composer workspace."""
