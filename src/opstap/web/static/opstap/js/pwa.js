/* Progressive enhancement only: every page works without this script. */
"use strict";

(function () {
  // A page for someone not logged in (the login page after a session ended, also one that ended
  // elsewhere or by time): nothing personal may stay on this device for offline reading.
  if (document.body && document.body.hasAttribute("data-afgemeld") && "caches" in window) {
    caches.keys().then((namen) => namen.filter((n) => n.startsWith("opstap-lezen"))
      .forEach((n) => caches.delete(n))).catch(() => { /* nothing kept */ });
  }
  // Installing the app: browsers that can install it say so with beforeinstallprompt. Only then
  // the button shows; other browsers keep it hidden (the FAQ explains their menu instead).
  const installeren = document.getElementById("app-installeren");
  if (installeren) {
    let uitgesteld = null;
    window.addEventListener("beforeinstallprompt", (event) => {
      event.preventDefault();  // no mini-infobar: our own button asks, at a calm moment
      uitgesteld = event;
      installeren.hidden = false;
    });
    installeren.querySelector("[data-installeren]").addEventListener("click", () => {
      if (!uitgesteld) return;
      const vraag = uitgesteld;
      uitgesteld = null;  // a prompt can be shown once
      installeren.hidden = true;
      vraag.prompt();
    });
    window.addEventListener("appinstalled", () => {
      uitgesteld = null;
      installeren.hidden = true;
    });
  }

  if (!("serviceWorker" in navigator)) return;
  navigator.serviceWorker.register("/sw.js", { scope: "/" }).catch(() => { /* works without */ });

  // The home page names the latest summaries and the rules: keep them for reading offline.
  const offline = document.querySelector("[data-offline-bewaren]");
  if (offline) {
    const paden = offline.dataset.offlineBewaren.split(" ").filter(Boolean);
    navigator.serviceWorker.ready.then((registratie) => {
      if (registratie.active) registratie.active.postMessage({ bewaren: paden });
    });
  }

  // Logging out removes the summaries and rules kept for offline reading from this device.
  document.querySelectorAll("form[data-uitloggen]").forEach((form) => {
    form.addEventListener("submit", () => {
      if (navigator.serviceWorker.controller) navigator.serviceWorker.controller.postMessage("leegmaken");
    });
  });

  // Push notifications: only on the settings page, only when the server has a VAPID key.
  const knop = document.getElementById("push-aan");
  if (!knop || !("PushManager" in window)) return;
  const sleutel = knop.dataset.vapidSleutel;
  const status = document.getElementById("push-status");
  if (!sleutel) return;
  knop.hidden = false;

  function naarBytes(base64) {
    const opvulling = "=".repeat((4 - (base64.length % 4)) % 4);
    const ruw = atob((base64 + opvulling).replace(/-/g, "+").replace(/_/g, "/"));
    return Uint8Array.from(ruw, (c) => c.charCodeAt(0));
  }

  function csrf() {
    const veld = document.querySelector("input[name=csrfmiddlewaretoken]");
    return veld ? veld.value : "";
  }

  knop.addEventListener("click", async () => {
    try {
      const registratie = await navigator.serviceWorker.ready;
      const inschrijving = await registratie.pushManager.subscribe({
        userVisibleOnly: true, applicationServerKey: naarBytes(sleutel),
      });
      const antwoord = await fetch(knop.dataset.url, {
        method: "POST", credentials: "same-origin",
        headers: { "Content-Type": "application/json", "X-CSRFToken": csrf() },
        body: JSON.stringify(inschrijving.toJSON()),
      });
      status.textContent = antwoord.ok ? knop.dataset.gelukt : knop.dataset.mislukt;
    } catch (e) {
      status.textContent = knop.dataset.mislukt;
    }
  });
})();
