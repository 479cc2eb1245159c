"""Offline-first sync with the county server (see docs/sync-protocol.md): the wire protocol, the outbox engine
over the local store, the HTTP client and the round runner. No Qt here: the GUI runs rounds on a worker."""
