/**
 * The H5 app's service worker, served at /sw.js (./static-h5.ts) so its scope is the whole app. It
 * keeps the app shell on the device, so a page already opened once — the four tab pages, which
 * the app fetches right after its first start (src/platform/offlineShell.ts) — still opens with no
 * network; the data shown then comes from the app's own offline caches.
 *
 * - Content-hashed files (js/, css/, static/: `name.0123abcd.ext`) never change under their name:
 *   cache first, stored on first fetch.
 * - index.html (the navigation to `/`): network first, so a new build shows at once; the stored
 *   copy only when the network fails.
 * - Nothing else (the API above all: personal, `no-store`) is touched.
 * - The page posts {type: 'keep', urls} with the hashed files it loaded before this worker
 *   controlled it (the first visit), so they are stored too.
 *
 * A new build brings a new index.html and new hashed names; files of older builds stay in the cache
 * until the next CACHE_VERSION (a few hundred KB per build). Plain ES2018, no build step: browsers
 * run this file as it is.
 */
export const SERVICE_WORKER_CACHE = 'zqt-h5-v1'

export const SERVICE_WORKER_SOURCE = `'use strict';
var CACHE = ${JSON.stringify(SERVICE_WORKER_CACHE)};
var HASHED = /\\.[0-9a-f]{8}\\.[a-z0-9]+$/;
var SHELL = '/';

function isShell(url) {
  return url.pathname === '/' || url.pathname === '/index.html';
}

function sameOriginUrl(raw) {
  try {
    var url = new URL(raw, self.location.href);
    return url.origin === self.location.origin ? url : null;
  } catch (e) {
    return null;
  }
}

function cacheFirst(request) {
  return caches.open(CACHE).then(function (cache) {
    return cache.match(request).then(function (hit) {
      if (hit) return hit;
      return fetch(request).then(function (response) {
        if (response.ok) return cache.put(request, response.clone()).then(function () { return response; });
        return response;
      });
    });
  });
}

function networkFirst(request) {
  return caches.open(CACHE).then(function (cache) {
    return fetch(request).then(
      function (response) {
        if (!response.ok) return response;
        return cache.put(SHELL, response.clone()).then(function () { return response; });
      },
      function (error) {
        return cache.match(SHELL).then(function (hit) {
          if (hit) return hit;
          throw error;
        });
      }
    );
  });
}

self.addEventListener('install', function (event) {
  event.waitUntil(
    caches.open(CACHE).then(function (cache) { return cache.add(SHELL); }).then(function () { return self.skipWaiting(); })
  );
});

self.addEventListener('activate', function (event) {
  event.waitUntil(
    caches.keys().then(function (names) {
      return Promise.all(names.filter(function (name) { return name !== CACHE; }).map(function (name) { return caches.delete(name); }));
    }).then(function () { return self.clients.claim(); })
  );
});

self.addEventListener('fetch', function (event) {
  var request = event.request;
  if (request.method !== 'GET') return;
  var url = sameOriginUrl(request.url);
  if (!url || url.pathname.indexOf('/api/') === 0) return;
  if (request.mode === 'navigate' ? isShell(url) : false) return event.respondWith(networkFirst(request));
  if (HASHED.test(url.pathname)) return event.respondWith(cacheFirst(request));
});

self.addEventListener('message', function (event) {
  var data = event.data || {};
  if (data.type !== 'keep' || !Array.isArray(data.urls)) return;
  var urls = data.urls.map(sameOriginUrl).filter(function (url) { return url && HASHED.test(url.pathname); });
  event.waitUntil(
    caches.open(CACHE).then(function (cache) {
      return Promise.all(urls.map(function (url) {
        return cache.match(url.href).then(function (hit) { return hit ? null : cache.add(url.href).catch(function () {}); });
      }));
    })
  );
});
`
