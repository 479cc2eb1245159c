"""The county server: devices enrol, push their township's changes and pull what they may see (see
docs/sync-protocol.md). Shares only ``govdesk.sync.protocol`` and ``govdesk.domain`` with the desktop."""
