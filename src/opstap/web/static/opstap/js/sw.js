/* Opstap service worker: keeps the latest conversation summaries and the rules page readable
   offline. Network first (always the newest when online), the cache only when offline.
   The client's home page names the latest summaries (pwa.js sends them as "bewaren"), so they are
   stored even before the client opened them. Without a connection any other /mijn/ page shows a
   short page with what can be read offline.
   Everything personal is removed when the session ends: on the logout button (message
   "leegmaken" from pwa.js), and when the server answers a page with the login page or 401
   because the session expired, was ended elsewhere or the account was switched off (the
   server's Clear-Site-Data header does the same in browsers that follow it). */
"use strict";

const LEZEN = "opstap-lezen-v1";
const STATISCH = "opstap-statisch-v1";
const MAX_PAGINAS = 15;
const OFFLINE_PADEN = [/^\/mijn\/gesprekken\/(\d+\/)?$/, /^\/mijn\/regels\/$/, /^\/mijn\/hulp\/$/];

self.addEventListener("install", () => self.skipWaiting());
self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches.keys()
      .then((namen) => Promise.all(namen.filter((n) => n !== LEZEN && n !== STATISCH).map((n) => caches.delete(n))))
      .then(() => self.clients.claim())
  );
});

async function inkorten(cache) {
  const sleutels = await cache.keys();
  for (let i = 0; i < sleutels.length - MAX_PAGINAS; i++) {
    await cache.delete(sleutels[i]);
  }
}

// The session is over: the server sent the login page instead, or refused the request.
function sessieVoorbij(antwoord) {
  if (antwoord.status === 401) return true;
  return antwoord.redirected && new URL(antwoord.url).pathname.startsWith("/inloggen/");
}

// A page load follows its redirects itself, so the worker sees an opaque redirect without its
// target. Ask the login page, which sends a logged-in user away and shows itself to others.
async function ingelogd() {
  try {
    const antwoord = await fetch("/inloggen/", { credentials: "same-origin", redirect: "manual" });
    return antwoord.type === "opaqueredirect";
  } catch (fout) {
    return true;  // offline: nothing to tell, keep the copy
  }
}

async function controleer(antwoord) {
  if (sessieVoorbij(antwoord) || (antwoord.type === "opaqueredirect" && !(await ingelogd()))) {
    await caches.delete(LEZEN);
  }
  return antwoord;
}

async function netwerkEerst(request) {
  const cache = await caches.open(LEZEN);
  try {
    const antwoord = await controleer(await fetch(request));
    if (antwoord.ok && !antwoord.redirected) {
      await cache.put(request, antwoord.clone());
      await inkorten(cache);
    }
    return antwoord;
  } catch (fout) {
    const bewaard = await cache.match(request);
    if (bewaard) return bewaard;
    throw fout;
  }
}

async function cacheEerst(request) {
  const cache = await caches.open(STATISCH);
  const bewaard = await cache.match(request);
  if (bewaard) return bewaard;
  const antwoord = await fetch(request);
  if (antwoord.ok) await cache.put(request, antwoord.clone());
  return antwoord;
}

function offlinePagina() {
  const html = `<!doctype html><html lang="nl"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Geen verbinding · Opstap</title><link rel="stylesheet" href="/static/opstap/opstap.css"></head>
<body><main id="inhoud"><h1>Je hebt nu geen internet</h1>
<p>Deze pagina kunnen we nu niet laden. Wat je eerder opende, kun je wel lezen:</p>
<ul><li><a href="/mijn/gesprekken/">Mijn gesprekken</a></li><li><a href="/mijn/regels/">Mijn regels</a></li>
<li><a href="/mijn/hulp/">Vragen en antwoorden</a></li></ul>
<p>Berichten sturen kan weer als je verbinding hebt.</p></main></body></html>`;
  return new Response(html, { status: 503, headers: { "Content-Type": "text/html; charset=utf-8" } });
}

async function metOfflinePagina(request) {
  try {
    return await controleer(await fetch(request));
  } catch (fout) {
    return offlinePagina();
  }
}

async function bewaren(paden) {
  const cache = await caches.open(LEZEN);
  for (const pad of paden) {
    const url = new URL(pad, self.location.origin);
    if (url.origin !== self.location.origin || !OFFLINE_PADEN.some((p) => p.test(url.pathname))) continue;
    try {
      const antwoord = await fetch(url.href, { credentials: "same-origin" });
      if (sessieVoorbij(antwoord)) { await caches.delete(LEZEN); return; }
      if (antwoord.ok && !antwoord.redirected) await cache.put(url.href, antwoord);
    } catch (fout) { /* offline now: keep what we have */ }
  }
  await inkorten(cache);
}

self.addEventListener("fetch", (event) => {
  const url = new URL(event.request.url);
  if (event.request.method !== "GET" || url.origin !== self.location.origin) return;
  if (OFFLINE_PADEN.some((p) => p.test(url.pathname))) {
    event.respondWith(netwerkEerst(event.request).catch(() => offlinePagina()));
  } else if (url.pathname.startsWith("/static/")) {
    event.respondWith(cacheEerst(event.request));
  } else if (event.request.mode === "navigate" && url.pathname.startsWith("/mijn/")) {
    event.respondWith(metOfflinePagina(event.request));
  }
});

self.addEventListener("message", (event) => {
  if (event.data === "leegmaken") {
    event.waitUntil(caches.delete(LEZEN));
  } else if (event.data && Array.isArray(event.data.bewaren)) {
    event.waitUntil(bewaren(event.data.bewaren.slice(0, MAX_PAGINAS)));
  }
});

/* Web push: the notification never holds content, only "something new is waiting". */
self.addEventListener("push", (event) => {
  let data = { titel: "Opstap", tekst: "Er staat iets nieuws voor je klaar.", url: "/mijn/" };
  try { data = Object.assign(data, event.data ? event.data.json() : {}); } catch (e) { /* keep default */ }
  event.waitUntil(self.registration.showNotification(data.titel, {
    body: data.tekst, icon: "/static/opstap/img/icoon-192.png", data: { url: data.url }, lang: "nl",
  }));
});

self.addEventListener("notificationclick", (event) => {
  event.notification.close();
  event.waitUntil(self.clients.openWindow((event.notification.data && event.notification.data.url) || "/mijn/"));
});
