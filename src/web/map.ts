/**
 * The map: an offline base layer of country borders (Natural Earth via world-atlas, shipped as
 * a file next to the bundle), events as circles coloured by event type and sized by fatalities,
 * clustered when dense (leaflet.markercluster).
 */
import L from './leaflet-global.js';
import 'leaflet.markercluster';
import 'leaflet/dist/leaflet.css';
import 'leaflet.markercluster/dist/MarkerCluster.css';
import { feature } from 'topojson-client';
import type { Topology, GeometryCollection } from 'topojson-specification';
import countriesUrl from 'world-atlas/countries-50m.json?url';
import type { StoredEvent } from './api.js';
import { colorOf, typeSlug } from './colors.js';
import { h } from './dom.js';

/** Marker radius in pixels for a fatality count: grows with the square root so area tracks deaths. */
export function radiusFor(fatalities: number): number {
  return Math.min(28, 6 + 2.2 * Math.sqrt(Math.max(0, fatalities)));
}

/**
 * Make each ring's longitudes continuous (steps under 180°, by adding ±360°), so a country
 * crossing the antimeridian (Fiji, Russia) is not drawn as a band across the whole map.
 */
export function unwrapAntimeridian(g: GeoJSON.Geometry | null): void {
  if (!g) return;
  const rings: GeoJSON.Position[][] =
    g.type === 'Polygon' ? g.coordinates : g.type === 'MultiPolygon' ? g.coordinates.flat() : g.type === 'LineString' ? [g.coordinates] : [];
  for (const ring of rings) {
    for (let i = 1; i < ring.length; i++) {
      const prev = ring[i - 1]![0]!;
      let lon = ring[i]![0]!;
      while (lon - prev > 180) lon -= 360;
      while (prev - lon > 180) lon += 360;
      ring[i]![0] = lon;
    }
  }
}

/** The map view and its event layer. */
export class EventMap {
  readonly map: L.Map;
  private readonly cluster: L.MarkerClusterGroup;
  private fitted = false;

  constructor(
    el: HTMLElement,
    private readonly onOpen: (id: string) => void,
  ) {
    this.map = L.map(el, { worldCopyJump: true, minZoom: 1, maxZoom: 13, zoomSnap: 0.5, keyboard: true }).setView([20, 20], 2);
    this.map.attributionControl.setPrefix(false);
    this.map.attributionControl.addAttribution('Borders: Natural Earth (public domain)');
    this.cluster = L.markerClusterGroup({
      maxClusterRadius: 40,
      chunkedLoading: true,
      showCoverageOnHover: false,
      spiderfyOnMaxZoom: true,
      iconCreateFunction: (c) => this.clusterIcon(c),
    });
    this.cluster.addTo(this.map);
    void this.loadBase();
  }

  private async loadBase(): Promise<void> {
    try {
      const topo = (await (await fetch(countriesUrl)).json()) as Topology<{ countries: GeometryCollection<{ name: string }> }>;
      const geo = feature(topo, topo.objects.countries);
      for (const f of geo.features) unwrapAntimeridian(f.geometry);
      const layer = L.geoJSON(geo, {
        interactive: false,
        style: { color: '#8a8f98', weight: 0.7, fillColor: '#f4f2ec', fillOpacity: 1 },
      });
      layer.addTo(this.map);
      layer.bringToBack();
    } catch (err) {
      console.error('base map could not be loaded', err);
    }
  }

  /** A cluster's icon: the number of events, with the total fatalities when any. */
  private clusterIcon(c: L.MarkerCluster): L.DivIcon {
    const markers = c.getAllChildMarkers() as unknown as (L.Layer & { options: { fatalities?: number } })[];
    const deaths = markers.reduce((s, m) => s + (m.options.fatalities ?? 0), 0);
    const n = c.getChildCount();
    const size = n < 10 ? 30 : n < 100 ? 36 : 44;
    const html = h('div', {}, h('span', { class: 'count' }, n), deaths ? h('span', { class: 'deaths' }, `${deaths}†`) : null);
    html.title = `${n} events, ${deaths} fatalities`;
    return L.divIcon({ html, className: 'marker-cluster ev-cluster', iconSize: L.point(size, size) });
  }

  /** Show `events` (those with coordinates); fit the view to them when `fit` (or the first time). */
  setEvents(events: StoredEvent[], fit = false): void {
    this.cluster.clearLayers();
    const markers: L.Layer[] = [];
    for (const e of events) {
      if (e.latitude == null || e.longitude == null) continue;
      const m = L.circleMarker([e.latitude, e.longitude], {
        radius: radiusFor(e.fatalities),
        color: '#1f2328',
        weight: 1,
        fillColor: colorOf(e.event_type),
        fillOpacity: 0.85,
        className: `ev-marker ev-${typeSlug(e.event_type)}`,
        // Kept on the options so cluster icons can sum fatalities.
        fatalities: e.fatalities,
      } as L.CircleMarkerOptions);
      // Built when first shown: thousands of markers need no DOM until hovered.
      const tip = () =>
        h(
          'div',
          { class: 'tip' },
          h('strong', {}, e.sub_event_type),
          h('br'),
          `${e.event_date} · ${e.location ?? e.admin1 ?? e.country}`,
          h('br'),
          `fatalities: ${e.fatalities}`,
        );
      m.bindTooltip(tip, { direction: 'top' });
      m.on('click', () => this.onOpen(e.event_id));
      // Reachable and openable from the keyboard, as a click opens it.
      m.on('add', () => {
        const el = m.getElement() as SVGElement | undefined;
        if (!el || el.dataset.keys) return;
        el.dataset.keys = '1';
        el.setAttribute('tabindex', '0');
        el.setAttribute('role', 'button');
        el.setAttribute('aria-label', `${e.event_date} ${e.sub_event_type} in ${e.location ?? e.admin1 ?? e.country}`);
        el.addEventListener('keydown', (ev) => {
          if ((ev as KeyboardEvent).key === 'Enter' || (ev as KeyboardEvent).key === ' ') {
            ev.preventDefault();
            this.onOpen(e.event_id);
          }
        });
      });
      markers.push(m);
    }
    this.cluster.addLayers(markers);
    if ((fit || !this.fitted) && markers.length > 0) {
      const bounds = this.cluster.getBounds();
      if (bounds.isValid()) {
        this.map.fitBounds(bounds.pad(0.3), { maxZoom: 8, animate: false });
        this.fitted = true;
      }
    }
  }

  /** The visible area as the API's bbox "west,south,east,north" (clamped to valid degrees). */
  bbox(): string {
    const b = this.map.getBounds();
    const c = (v: number, lim: number) => Math.max(-lim, Math.min(lim, v)).toFixed(4);
    return [c(b.getWest(), 180), c(b.getSouth(), 90), c(b.getEast(), 180), c(b.getNorth(), 90)].join(',');
  }

  /** Leaflet needs this after its container changes size. */
  invalidate(): void {
    this.map.invalidateSize();
  }
}
