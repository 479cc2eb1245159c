/*
 * govdesk map page: builds every layer from the JSON block the page carries (no user text ever reaches
 * innerHTML: labels, tooltips and popups are DOM nodes filled with textContent).
 *
 * window.govdeskMap is the page's small API:
 *   ready, markerCount, error       state read back by the desktop program (through JSON.stringify)
 *   highlight(localNo) -> bool      pan/zoom to a case and open its popup
 *   panTo(lat, lon, zoom)           centre the map (display coordinates)
 *   setPickMode(on)                 a click on the map reports a location instead of opening cases
 *   showHeat(on)                    heat map on (cases off) or the reverse
 *   markerPoint(localNo)            page pixel where a click reaches a case's marker (tests click it)
 *   revealCase(localNo)             zoom until the marker shows, then set ``revealed``
 *   bridge                          true once the desktop program listens
 *
 * A marker click raises the DOM event "govdesk:open-case" (detail: the case's local number) and a click
 * in pick mode "govdesk:pick" (detail: "lat,lon" in the page's coordinates). The desktop program relays
 * them from an isolated script world; this page never touches the QWebChannel itself.
 */
(function () {
  'use strict';

  var api = window.govdeskMap = {
    ready: false, markerCount: 0, error: null, pickMode: false, timings: {}
  };
  var state = null;

  function node(tag, className, text) {
    var e = document.createElement(tag);
    if (className) { e.className = className; }
    if (text !== undefined && text !== null) { e.textContent = String(text); }
    return e;
  }

  function svgIcon(pathData, size) {
    var ns = 'http://www.w3.org/2000/svg';  // an XML namespace name, never fetched
    var svg = document.createElementNS(ns, 'svg');
    svg.setAttribute('viewBox', '0 0 16 16');
    svg.setAttribute('width', String(size));
    svg.setAttribute('height', String(size));
    svg.setAttribute('aria-hidden', 'true');
    var path = document.createElementNS(ns, 'path');
    path.setAttribute('d', pathData);
    svg.appendChild(path);
    return svg;
  }

  // --- base map ------------------------------------------------------------------------------------
  function baseLayer(cfg) {
    var t = cfg.tiles;
    if (!t) { return null; }
    var opts = {
      minNativeZoom: t.minZoom, maxNativeZoom: t.maxZoom, maxZoom: cfg.maxZoom, minZoom: cfg.minZoom,
      attribution: '', keepBuffer: 4, updateWhenZooming: false
    };
    if (t.bounds) { opts.bounds = L.latLngBounds([t.bounds[1], t.bounds[0]], [t.bounds[3], t.bounds[2]]); }
    var layer;
    if (t.inline) {
      var InlineTiles = L.TileLayer.extend({
        getTileUrl: function (c) {
          var z = this._getZoomForUrl();
          var data = t.inline[z + '/' + c.x + '/' + c.y];
          return data ? 'data:' + t.mime + ';base64,' + data : BLANK_TILE;
        }
      });
      layer = new InlineTiles('', opts);
    } else {
      layer = L.tileLayer(t.url, opts);
    }
    if (t.attribution) { layer.getAttribution = function () { return ''; }; }
    return layer;
  }
  var BLANK_TILE = 'data:image/gif;base64,R0lGODlhAQABAAAAACH5BAEKAAEALAAAAAABAAEAAAICTAEAOw==';

  // --- boundaries and labels -----------------------------------------------------------------------
  function areaTooltip(props, labels) {
    var box = node('div', 'gd-area-tip');
    box.appendChild(node('div', 'gd-area-name', props.name));
    if (props.officer) {
      box.appendChild(node('div', 'gd-area-officer', labels.officer + props.officer));
    }
    return box;
  }

  function boundaryLayer(collection, style, labels) {
    return L.geoJSON(collection, {
      style: function () { return style; },
      onEachFeature: function (feature, layer) {
        layer.bindTooltip(areaTooltip(feature.properties, labels), { sticky: true, className: 'gd-tooltip', opacity: 1 });
      }
    });
  }

  function labelLayer(collection, className, withOfficer, labels) {
    var group = L.layerGroup();
    collection.features.forEach(function (f) {
      var p = f.properties;
      if (!p.labelAt) { return; }
      var box = node('div', 'gd-label-text');
      box.appendChild(node('div', 'gd-label-name', p.name));
      if (withOfficer && p.officer) {
        box.appendChild(node('div', 'gd-label-officer', labels.officer + p.officer));
      }
      var icon = L.divIcon({ className: 'gd-label ' + className, html: box, iconSize: null });
      L.marker([p.labelAt[1], p.labelAt[0]], { icon: icon, interactive: false, keyboard: false, pane: 'gdLabels' }).addTo(group);
    });
    return group;
  }

  // --- case markers --------------------------------------------------------------------------------
  function markerIcons(cfg) {
    var icons = {};
    cfg.kinds.forEach(function (kind, k) {
      icons[k] = {};
      cfg.risks.forEach(function (risk, r) {
        var wrap = node('div', 'gd-marker gd-risk-' + risk.value);
        wrap.appendChild(svgIcon(kind.icon, 14));
        icons[k][r] = L.divIcon({ className: 'gd-marker-icon', html: wrap.outerHTML, iconSize: [24, 24], iconAnchor: [12, 12], popupAnchor: [0, -10] });
      });
    });
    return icons;
  }

  function clusterIcon(cfg) {
    var riskIndex = {};
    cfg.risks.forEach(function (r, i) { riskIndex[r.value] = i; });
    // Risk counts per cluster, kept on the cluster while its size is unchanged: icons are redrawn many
    // times while 50,000 markers are clustered, and walking every child each time is what costs.
    function riskCounts(cluster) {
      if (cluster._gdCounts && cluster._gdCountsFor === cluster._childCount) { return cluster._gdCounts; }
      var counts = [0, 0, 0];
      cluster._markers.forEach(function (m) { counts[m.gdRisk] += 1; });
      cluster._childClusters.forEach(function (child) {
        var c = riskCounts(child);
        counts[0] += c[0]; counts[1] += c[1]; counts[2] += c[2];
      });
      cluster._gdCounts = counts;
      cluster._gdCountsFor = cluster._childCount;
      return counts;
    }
    return function (cluster) {
      var counts = riskCounts(cluster);
      var total = counts[0] + counts[1] + counts[2];
      var stops = [], at = 0;
      cfg.risks.forEach(function (risk, i) {
        var next = at + counts[i] / total * 360;
        if (counts[i]) { stops.push(risk.color + ' ' + at.toFixed(1) + 'deg ' + next.toFixed(1) + 'deg'); }
        at = next;
      });
      var size = total < 10 ? 34 : total < 100 ? 40 : total < 1000 ? 48 : 56;
      var ring = node('div', 'gd-cluster');
      ring.style.width = ring.style.height = size + 'px';
      ring.style.background = 'conic-gradient(' + stops.join(', ') + ')';
      var inner = node('div', 'gd-cluster-count', total >= 10000 ? (total / 10000).toFixed(1) + '万' : String(total));
      ring.appendChild(inner);
      return L.divIcon({ html: ring, className: 'gd-cluster-icon', iconSize: L.point(size, size) });
    };
  }

  function popupContent(i) {
    var c = state.cases, cfg = state.cfg;
    var risk = cfg.risks[c.risk[i]];
    var box = node('div', 'gd-popup');
    box.appendChild(node('div', 'gd-popup-number', c.number[i]));
    var rows = node('div', 'gd-popup-rows');
    var cat = c.cat[i] >= 0 ? cfg.categories[c.cat[i]] : cfg.labels.noCategory;
    rows.appendChild(node('div', 'gd-popup-row', cfg.labels.category + cat));
    var riskRow = node('div', 'gd-popup-row');
    riskRow.appendChild(node('span', 'gd-dot gd-risk-' + risk.value));
    riskRow.appendChild(document.createTextNode(cfg.labels.risk + risk.label));
    rows.appendChild(riskRow);
    box.appendChild(rows);
    return box;
  }

  function caseClicked(marker) {
    var i = marker.gdIndex;
    marker.unbindPopup();
    marker.bindPopup(popupContent(i), { className: 'gd-popup-wrap', closeButton: true, autoPan: true }).openPopup();
    if (!api.pickMode) { tellProgram('govdesk:open-case', state.cases.no[i]); }
    api.lastClicked = state.cases.no[i];
  }

  function buildMarkers(cfg, done) {
    var c = state.cases, n = c.no.length;
    var icons = markerIcons(cfg);
    var started = performance.now();
    var markers = new Array(n);
    state.byNo = new Map();
    for (var i = 0; i < n; i++) {
      var m = L.marker([c.lat[i], c.lon[i]], { icon: icons[c.kind[i]][c.risk[i]], keyboard: false, riseOnHover: true });
      m.gdIndex = i;
      m.gdRisk = c.risk[i];
      markers[i] = m;
      state.byNo.set(c.no[i], m);
    }
    api.timings.markersBuiltMs = performance.now() - started;
    var group = L.markerClusterGroup({
      chunkedLoading: true, chunkInterval: 120, chunkDelay: 20,
      maxClusterRadius: 72, spiderfyOnMaxZoom: true,
      showCoverageOnHover: false, iconCreateFunction: clusterIcon(cfg),
      chunkProgress: function (processed, total) {
        if (processed >= total) { done(); }
      }
    });
    group.on('click', function (e) { caseClicked(e.layer); });
    state.cluster = group;
    return { group: group, markers: markers };
  }

  // --- legend --------------------------------------------------------------------------------------
  function legendControl(cfg, counts) {
    var Legend = L.Control.extend({
      options: { position: 'bottomright' },
      onAdd: function () {
        var box = node('div', 'gd-legend leaflet-bar');
        L.DomEvent.disableClickPropagation(box);
        L.DomEvent.disableScrollPropagation(box);
        if (cfg.title) { box.appendChild(node('div', 'gd-legend-title', cfg.title)); }
        box.appendChild(node('div', 'gd-legend-heading', cfg.labels.riskHeading));
        cfg.risks.forEach(function (risk, r) {
          var row = node('div', 'gd-legend-row');
          row.appendChild(node('span', 'gd-swatch gd-risk-' + risk.value));
          row.appendChild(node('span', 'gd-legend-label', risk.label));
          row.appendChild(node('span', 'gd-legend-count', String(counts[r])));
          box.appendChild(row);
        });
        box.appendChild(node('div', 'gd-legend-heading', cfg.labels.kindHeading));
        var kinds = node('div', 'gd-legend-kinds');
        cfg.kinds.forEach(function (kind) {
          var row = node('div', 'gd-legend-row');
          var glyph = node('span', 'gd-legend-glyph');
          glyph.appendChild(svgIcon(kind.icon, 12));
          row.appendChild(glyph);
          row.appendChild(node('span', 'gd-legend-label', kind.label));
          kinds.appendChild(row);
        });
        box.appendChild(kinds);
        var lines = node('div', 'gd-legend-lines');
        var v = node('div', 'gd-legend-row');
        v.appendChild(node('span', 'gd-line gd-line-village'));
        v.appendChild(node('span', 'gd-legend-label', cfg.labels.villages));
        var g = node('div', 'gd-legend-row');
        g.appendChild(node('span', 'gd-line gd-line-grid'));
        g.appendChild(node('span', 'gd-legend-label', cfg.labels.grids));
        lines.appendChild(v);
        lines.appendChild(g);
        box.appendChild(lines);
        state.heatNote = node('div', 'gd-legend-note', cfg.labels.heatNote);
        state.heatNote.style.display = 'none';
        box.appendChild(state.heatNote);
        if (cfg.notes) {
          cfg.notes.forEach(function (text) { box.appendChild(node('div', 'gd-legend-note', text)); });
        }
        return box;
      }
    });
    return new Legend();
  }

  // --- start ---------------------------------------------------------------------------------------
  function start(map, cfg) {
    var t0 = performance.now();
    state = { map: map, cfg: cfg, cases: cfg.cases };
    api.markerCount = 0;
    map.attributionControl.setPrefix('Leaflet');
    if (cfg.tiles && cfg.tiles.attribution) { map.attributionControl.addAttribution(cfg.tiles.attribution); }
    map.getContainer().classList.add('gd-map');
    // Names sit above the case markers (they let clicks through), below tooltips and popups.
    map.createPane('gdLabels').style.zIndex = 640;

    var base = baseLayer(cfg);
    var baseLayers = {};
    if (base) { base.addTo(map); baseLayers[cfg.labels.baseMap] = base; }
    baseLayers[cfg.labels.noBaseMap] = L.layerGroup();
    if (!base) { baseLayers[cfg.labels.noBaseMap].addTo(map); }

    var villages = boundaryLayer(cfg.villages, { color: '#2f4f8a', weight: 2.4, opacity: 0.9, fillColor: '#2f4f8a', fillOpacity: 0.03 }, cfg.labels);
    var grids = boundaryLayer(cfg.grids, { color: '#5a78ad', weight: 1.1, opacity: 0.85, dashArray: '5 4', fill: true, fillOpacity: 0 }, cfg.labels);
    var villageLabels = labelLayer(cfg.villages, 'gd-label-village', false, cfg.labels);
    var gridLabels = labelLayer(cfg.grids, 'gd-label-grid', true, cfg.labels);
    grids.addTo(map);
    villages.addTo(map);
    villageLabels.addTo(map);

    // Leaflet.heat's maxZoom is where points reach full intensity, but the layer control reads a layer's
    // maxZoom as "hide above": keep it at the map's maximum (the intensity scale is in heatMax).
    var heat = L.heatLayer(cfg.heat, {
      radius: 22, blur: 24, maxZoom: cfg.maxZoom, minOpacity: 0.05, max: cfg.heatMax || 1,
      gradient: { 0.2: '#3b78c2', 0.4: '#4fb3a9', 0.6: '#f3e35b', 0.8: '#f39c38', 1.0: '#d7301f' }
    });
    state.heat = heat;

    function markReady() {
      if (api.ready || api.timings.clusteredMs) { return; }
      api.timings.clusteredMs = performance.now() - t0;
      // Ready once the next frame is drawn (a hidden page draws no frames: then after a moment).
      var done = false;
      function ready() {
        if (done) { return; }
        done = true;
        api.ready = true;
        api.timings.readyMs = performance.now() - t0;
      }
      requestAnimationFrame(ready);
      setTimeout(ready, 500);
    }
    var built = buildMarkers(cfg, markReady);
    state.markers = built.markers;
    api.markerCount = built.markers.length;

    var overlays = {};
    overlays[cfg.labels.villages] = villages;
    overlays[cfg.labels.grids] = grids;
    overlays[cfg.labels.cases] = built.group;
    overlays[cfg.labels.heat] = heat;
    var layers = L.control.layers(baseLayers, overlays, { collapsed: false, position: 'topright' }).addTo(map);
    L.control.scale({ imperial: false, maxWidth: 160, position: 'bottomleft' }).addTo(map);

    var counts = [0, 0, 0];
    cfg.cases.risk.forEach(function (r) { counts[r] += 1; });
    var legend = legendControl(cfg, counts).addTo(map);

    // Grid names with their officers only when zoomed in far enough to read them.
    function zoomChanged() {
      var detail = map.getZoom() >= cfg.gridLabelZoom;
      if (detail && !map.hasLayer(gridLabels) && map.hasLayer(grids)) { gridLabels.addTo(map); }
      if ((!detail || !map.hasLayer(grids)) && map.hasLayer(gridLabels)) { map.removeLayer(gridLabels); }
    }
    map.on('zoomend overlayadd overlayremove', zoomChanged);
    map.on('overlayadd overlayremove', function (e) {
      if (e.layer === villages) { if (e.type === 'overlayadd') { villageLabels.addTo(map); } else { map.removeLayer(villageLabels); } }
      if (e.layer === heat && state.heatNote) { state.heatNote.style.display = e.type === 'overlayadd' ? '' : 'none'; }
    });

    var fit = cfg.fitBounds;
    if (fit) {
      var fitNow = function () {
        // Keep the township clear of the layer list and the legend on the right.
        var right = Math.max(legend.getContainer().offsetWidth, layers.getContainer().offsetWidth);
        var roomy = map.getSize().x > 3 * right;
        map.fitBounds([[fit[1], fit[0]], [fit[3], fit[2]]], {
          paddingTopLeft: [16, 16], paddingBottomRight: [roomy ? right + 16 : 16, 16], animate: false
        });
      };
      fitNow();
      if (!map.getSize().x) {
        // Built while hidden (another tab): fit again once the map has a size.
        var onResize = function () { if (map.getSize().x) { map.off('resize', onResize); fitNow(); } };
        map.on('resize', onResize);
      }
    }
    zoomChanged();

    map.on('click', function (e) {
      if (!api.pickMode) { return; }
      var lat = e.latlng.lat, lon = e.latlng.lng;
      if (state.pickPin) { state.pickPin.setLatLng(e.latlng); } else {
        state.pickPin = L.marker(e.latlng, { icon: L.divIcon({ className: 'gd-pick-pin', html: '<div></div>', iconSize: [22, 22], iconAnchor: [11, 22] }), interactive: false }).addTo(map);
      }
      tellProgram('govdesk:pick', lat + ',' + lon);
      api.lastPicked = [lat, lon];
    });

    // Added before the group joins the map, the markers are clustered in chunks once it does (the page
    // stays responsive meanwhile); in heat mode that waits until the user switches the cases on.
    built.group.addLayers(built.markers);
    if (cfg.showHeat) { api.showHeat(true); } else { built.group.addTo(map); }
    if (cfg.showHeat || !built.markers.length) { markReady(); }
  }

  // The desktop program listens for these two events (from an isolated script world, so the page never
  // holds the channel itself); in an exported file nobody listens and they do nothing.
  function tellProgram(name, detail) {
    if (state.cfg.bridge) { document.dispatchEvent(new CustomEvent(name, { detail: String(detail) })); }
  }

  Object.defineProperty(api, 'bridge', {
    get: function () { return document.documentElement.getAttribute('data-govdesk-bridge') === '1'; }
  });

  // --- API for the desktop program -----------------------------------------------------------------
  api.start = function (map, dataScript) {
    try {
      start(map, JSON.parse(dataScript.textContent));
    } catch (err) {
      api.error = String((err && err.stack) || err);
      throw err;
    }
  };

  // Leaflet drops a view change asked for while a zoom animation runs: wait for it to end.
  function whenIdle(fn) {
    if (state.map._animatingZoom) { state.map.once('zoomend', function () { setTimeout(fn, 0); }); } else { fn(); }
  }

  api.highlight = function (localNo) {
    if (!state || !state.byNo) { return false; }
    var marker = state.byNo.get(Number(localNo));
    if (!marker) { return false; }
    if (!state.map.hasLayer(state.cluster)) { api.showHeat(false); }
    whenIdle(function () { state.cluster.zoomToShowLayer(marker, function () {
      marker.unbindPopup();
      marker.bindPopup(popupContent(marker.gdIndex), { className: 'gd-popup-wrap' }).openPopup();
      var el = marker.getElement();
      if (el) {
        el.classList.remove('gd-flash');
        void el.offsetWidth;  // restart the animation
        el.classList.add('gd-flash');
      }
    }); });
    return true;
  };

  api.panTo = function (lat, lon, zoom) {
    if (!state) { return; }
    whenIdle(function () {
      state.map.setView([Number(lat), Number(lon)], zoom ? Number(zoom) : Math.max(state.map.getZoom(), 15));
    });
  };

  api.setPickMode = function (on) {
    api.pickMode = !!on;
    if (!state) { return; }
    state.map.getContainer().classList.toggle('gd-picking', api.pickMode);
    if (!api.pickMode && state.pickPin) { state.map.removeLayer(state.pickPin); state.pickPin = null; }
  };

  api.showHeat = function (on) {
    if (!state) { return; }
    var map = state.map;
    if (on) {
      if (map.hasLayer(state.cluster)) { map.removeLayer(state.cluster); }
      if (!map.hasLayer(state.heat)) { state.heat.addTo(map); }
    } else {
      if (map.hasLayer(state.heat)) { map.removeLayer(state.heat); }
      if (!map.hasLayer(state.cluster)) { state.cluster.addTo(map); }
    }
    if (state.heatNote) { state.heatNote.style.display = on ? '' : 'none'; }
  };

  // Where a click would reach a case's marker (page pixels), or null while it is hidden or still moving.
  api.markerPoint = function (localNo) {
    var marker = state && state.byNo ? state.byNo.get(Number(localNo)) : null;
    var el = marker ? marker.getElement() : null;
    if (!el) { return null; }
    var p = state.map.latLngToContainerPoint(marker.getLatLng());
    var box = state.map.getContainer().getBoundingClientRect();
    var hit = document.elementFromPoint(box.left + p.x, box.top + p.y);
    return hit && el.contains(hit) ? [box.left + p.x, box.top + p.y] : null;
  };

  api.revealCase = function (localNo) {
    var marker = state && state.byNo ? state.byNo.get(Number(localNo)) : null;
    if (!marker) { return false; }
    api.revealed = null;
    whenIdle(function () { state.cluster.zoomToShowLayer(marker, function () { api.revealed = Number(localNo); }); });
    return true;
  };
}());
