"""Offline maps: pure builders from plain data to a Leaflet page (through folium), base-map tiles (MBTiles),
WGS-84/GCJ-02 conversion and a demo base map. No Qt and no SQLAlchemy here: callers pass plain data."""
