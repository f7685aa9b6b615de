/**
 * Leaflet as a module, also put on `window.L`: leaflet.markercluster is a UMD plugin that
 * extends the global `L`, so this module must be evaluated before the plugin is imported.
 */
import L from 'leaflet';

(window as unknown as { L: typeof L }).L = L;
export default L;
