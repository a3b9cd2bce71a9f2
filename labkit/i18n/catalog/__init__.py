"""Message catalogs, one module per area; each defines MESSAGES = {key: {"fr": ..., "en": ...}}."""
