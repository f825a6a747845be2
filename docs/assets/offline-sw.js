// Runs inside the service worker (sw.js, written by Workbox from hooks/offline_sw.mjs, loads
// this with importScripts). Not a page script.
//
// A new version of the site installs in the background while the old one keeps serving
// (Workbox precaches all of it, or none). It takes over only when a page asks for it at the
// start of a visit (assets/offline.js) and no other tab of this site is open: an open tab
// would otherwise get the new files under its old page, a mix of two versions.
self.addEventListener("message", (event) => {
  if (event.data?.type !== "GR_ACTIVATE_IF_ALONE") return;
  event.waitUntil((async () => {
    const scope = self.registration.scope;
    const windows = await self.clients.matchAll({ type: "window", includeUncontrolled: true });
    if (windows.filter((client) => client.url.startsWith(scope)).length <= 1) await self.skipWaiting();
  })());
});
